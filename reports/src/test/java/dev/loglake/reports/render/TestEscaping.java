package dev.loglake.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestEscaping {
    @Test
    void htmlEscapesMarkupQuotesAndControlCharacters() {
        assertThat(Html.escape("/a?x=<script>alert('1')</script>&y=\"2\""))
                .isEqualTo("/a?x=&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt;&amp;y=&quot;2&quot;");
        assertThat(Html.escape("a\u0000b\u001bc\u0085d")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
        assertThat(Html.escape("caf\u00e9 \uD83D\uDE00")).isEqualTo("caf\u00e9 \uD83D\uDE00");
    }

    @Test
    void svgLabelsAreEscaped() {
        String svg = Svg.barChart("t<", List.of(new Svg.Bar("<img src=x>", 3, true)), "requests");

        assertThat(svg).doesNotContain("<img").contains("&lt;img src=x&gt;").contains("class=\"bar alert\"");
        assertThat(Svg.shareBar(2)).contains("width=\"100.00\"");
    }

    @Test
    void markdownCannotBreakATableOrInjectALink() {
        assertThat(MarkdownReport.escape("/a|b [x](http://e) <b>it's</b>\nnext"))
                .isEqualTo("/a\\|b \\[x\\]\\(http://e\\) &lt;b&gt;it&#39;s&lt;/b&gt; next");
    }

    @Test
    void csvQuotesOnlyWhatNeedsQuotingAndEndsLinesWithCrLf() {
        Csv csv = new Csv(
                "t.csv",
                List.of("rank", "path"),
                List.of(List.of("1", "/plain"), List.of("2", "/a,b"), List.of("3", "say \"hi\"\nthere")));

        assertThat(csv.render()).isEqualTo("rank,path\r\n1,/plain\r\n2,\"/a,b\"\r\n3,\"say \"\"hi\"\"\nthere\"\r\n");
    }

    @Test
    void numbersInCsvAreLocaleFree() {
        assertThat(ReportTables.number(12345)).isEqualTo("12345");
        assertThat(ReportTables.number(0.125)).isEqualTo("0.125");
    }
}
