package dev.loglake.generator.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestChannels {
    @Test
    void aPaidMediumIsPaidWhateverTheReferrer() {
        assertThat(Channels.channel("www.google.com", "utm_source=google&utm_medium=cpc&utm_campaign=brand"))
                .isEqualTo(Channels.PAID);
        assertThat(Channels.channel("l.instagram.com", "utm_medium=Paid_Social"))
                .isEqualTo(Channels.PAID);
        assertThat(Channels.channel(null, "x=1&utm_medium=display")).isEqualTo(Channels.PAID);
    }

    @Test
    void anotherMediumFallsBackToTheReferrer() {
        assertThat(Channels.channel("www.google.com", "utm_medium=email")).isEqualTo(Channels.ORGANIC_SEARCH);
        assertThat(Channels.channel(null, "utm_medium=newsletter")).isEqualTo(Channels.DIRECT);
    }

    @Test
    void referrersAreSearchSocialOrReferral() {
        assertThat(Channels.channel(null, null)).isEqualTo(Channels.DIRECT);
        assertThat(Channels.channel("www.google.co.uk", null)).isEqualTo(Channels.ORGANIC_SEARCH);
        assertThat(Channels.channel("duckduckgo.com", null)).isEqualTo(Channels.ORGANIC_SEARCH);
        assertThat(Channels.channel("search.yahoo.com", "q=shoes")).isEqualTo(Channels.ORGANIC_SEARCH);
        assertThat(Channels.channel("t.co", null)).isEqualTo(Channels.SOCIAL);
        assertThat(Channels.channel("l.facebook.com", null)).isEqualTo(Channels.SOCIAL);
        assertThat(Channels.channel("WWW.YOUTUBE.COM", null)).isEqualTo(Channels.SOCIAL);
        assertThat(Channels.channel("blog.example.org", null)).isEqualTo(Channels.REFERRAL);
        assertThat(Channels.channel("notgoogle.com", null)).isEqualTo(Channels.REFERRAL);
        assertThat(Channels.channel("www.loglake-shop.example", null)).isEqualTo(Channels.REFERRAL);
    }

    @Test
    void theCampaignIsUtmCampaignOrNone() {
        assertThat(Channels.campaign("utm_source=google&utm_campaign=winter-sale"))
                .isEqualTo("winter-sale");
        assertThat(Channels.campaign("q=shoes")).isEqualTo(Channels.NO_CAMPAIGN);
        assertThat(Channels.campaign(null)).isEqualTo(Channels.NO_CAMPAIGN);
        assertThat(Channels.campaign("my_utm_campaign=x")).isEqualTo(Channels.NO_CAMPAIGN);
    }

    @Test
    void anOrderIdIsReadFromTheConfirmationPageOnly() {
        assertThat(ShopDayCounter.orderId("/checkout/confirmation?order=123456789012"))
                .isEqualTo(123456789012L);
        assertThat(ShopDayCounter.orderId("/checkout/confirmation")).isZero();
        assertThat(ShopDayCounter.orderId("/search?order=5")).isZero();
    }
}
