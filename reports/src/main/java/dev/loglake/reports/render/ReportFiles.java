package dev.loglake.reports.render;

import dev.loglake.reports.model.ReportModel;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every file of a report, by file name, in the order a reader wants them: the page first. */
public final class ReportFiles {
    private ReportFiles() {}

    public static Map<String, String> render(ReportModel model) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("report.html", HtmlReport.render(model));
        files.put("report.md", MarkdownReport.render(model));
        files.put("kpis.json", KpisJson.render(model));
        ReportTables.of(model).forEach(csv -> files.put(csv.fileName(), csv.render()));
        return files;
    }

    /**
     * The Content-Type of a report file in S3, so that a browser opens the page from a presigned URL. Without a
     * charset parameter: s3proxy (Jetty) rewrites "text/html; charset=utf-8" and then rejects the request's
     * signature (the upload fails with a broken pipe). The page declares its charset in a meta tag.
     */
    public static String contentType(String fileName) {
        if (fileName.endsWith(".html")) {
            return "text/html";
        }
        if (fileName.endsWith(".md")) {
            return "text/markdown";
        }
        if (fileName.endsWith(".json")) {
            return "application/json";
        }
        return "text/csv";
    }
}
