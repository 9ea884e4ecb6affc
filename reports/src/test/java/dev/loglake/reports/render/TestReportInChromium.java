package dev.loglake.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loglake.reports.model.ReportModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html, rendered from a fixed model with hostile log values, in headless Chromium: the page
 * must render without console errors or exceptions, request nothing but itself, and show every KPI of
 * kpis.json. A screenshot is saved as target/report-screenshot.png for humans.
 */
class TestReportInChromium {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HeadlessChromium chromium;

    @BeforeEach
    void startChromium() throws Exception {
        assertThat(HeadlessChromium.BINARY)
                .as("headless Chromium is needed for this test: install Debian's chromium package"
                        + " (apt-get install -y chromium); tools/install-prerequisites installs it")
                .isExecutable();
        chromium = new HeadlessChromium();
    }

    @AfterEach
    void stopChromium() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void thePageRendersOfflineWithoutErrorsAndShowsEveryKpi() throws Exception {
        ReportModel model = ReportSamples.weekWithAFailedDay();
        for (Map.Entry<String, String> file : ReportFiles.render(model).entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        String url = dir.resolve("report.html").toUri().toString();

        chromium.send("Runtime.enable", Map.of());
        chromium.send("Log.enable", Map.of());
        chromium.send("Network.enable", Map.of());
        chromium.send("Page.enable", Map.of());
        chromium.send(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 1024, "height", 2600, "deviceScaleFactor", 1, "mobile", false));
        CompletableFuture<JsonNode> loaded = chromium.next("Page.loadEventFired");
        chromium.send("Page.navigate", Map.of("url", url));
        loaded.get(60, TimeUnit.SECONDS);
        String text = chromium.send(
                        "Runtime.evaluate", Map.of("expression", "document.body.innerText", "returnByValue", true))
                .path("result")
                .path("value")
                .asText();
        byte[] screenshot = Base64.getDecoder()
                .decode(chromium.send("Page.captureScreenshot", Map.of("format", "png"))
                        .path("data")
                        .asText());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "report-screenshot.png"), screenshot);

        assertThat(problems(chromium.events()))
                .as("console errors and exceptions")
                .isEmpty();
        assertThat(requests(chromium.events())).as("network requests").containsOnly(url);
        JsonNode kpis = JSON.readTree(dir.resolve("kpis.json").toFile()).path("kpis");
        kpis.properties().forEach(kpi -> assertThat(text)
                .as("the page shows " + kpi.getKey())
                .contains(kpi.getValue().path("display").asText())
                .contains(kpi.getValue().path("change_display").asText()));
        assertThat(text).contains(ReportSamples.HOSTILE_PATH).contains("2026-11-04 (failed)");
        assertThat(screenshot).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    private static List<String> problems(List<JsonNode> events) {
        List<String> problems = new ArrayList<>();
        for (JsonNode event : events) {
            String method = event.path("method").asText();
            JsonNode params = event.path("params");
            if (method.equals("Runtime.exceptionThrown")
                    || (method.equals("Runtime.consoleAPICalled")
                            && params.path("type").asText().equals("error"))
                    || (method.equals("Log.entryAdded")
                            && params.path("entry").path("level").asText().equals("error"))) {
                problems.add(event.toString());
            }
        }
        return problems;
    }

    private static List<String> requests(List<JsonNode> events) {
        return events.stream()
                .filter(event -> event.path("method").asText().equals("Network.requestWillBeSent"))
                .map(event -> event.path("params").path("request").path("url").asText())
                .toList();
    }
}
