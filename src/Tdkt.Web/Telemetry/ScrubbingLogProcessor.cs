using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Tdkt.Web.Telemetry;

/// <summary>Scrubs every log record (its message, body and attributes) before the exporters registered after it.</summary>
public sealed class ScrubbingLogProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FormattedMessage is { } message)
        {
            data.FormattedMessage = TelemetryScrubber.Scrub(message);
        }
        if (data.Body is { } body)
        {
            data.Body = TelemetryScrubber.Scrub(body);
        }
        if (data.Attributes is { Count: > 0 } attributes)
        {
            data.Attributes = [.. attributes.Select(a => new KeyValuePair<string, object?>(a.Key, TelemetryScrubber.Scrub(a.Value)))];
        }
    }
}
