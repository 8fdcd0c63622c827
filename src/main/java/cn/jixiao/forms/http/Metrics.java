package cn.jixiao.forms.http;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;

/** What operators watch, in Prometheus text format at {@code GET /metrics}. */
public final class Metrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter renders;
    private final Histogram renderSeconds;
    private final Counter rejections;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public Metrics(IntSupplier rendersInFlight) {
        renders = Counter.builder().name("jixiao_renders_total")
                .help("Documents rendered, by form type and format").labelNames("form", "format").register(registry);
        renderSeconds = Histogram.builder().name("jixiao_render_duration_seconds")
                .help("Time to read, check and render one document, by form type and format")
                .labelNames("form", "format")
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
                .register(registry);
        rejections = Counter.builder().name("jixiao_rejections_total")
                .help("Requests answered with an error, by error code").labelNames("reason").register(registry);
        GaugeWithCallback.builder().name("jixiao_renders_in_flight").help("Renders running now")
                .callback(callback -> callback.call(rendersInFlight.getAsInt())).register(registry);
        JvmMetrics.builder().register(registry);
    }

    void rendered(String form, String format, long nanos) {
        renders.labelValues(form, format).inc();
        renderSeconds.labelValues(form, format).observe(nanos / 1e9);
    }

    void rejected(String reason) {
        rejections.labelValues(reason).inc();
    }

    String contentType() {
        return writer.getContentType();
    }

    byte[] scrape() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
