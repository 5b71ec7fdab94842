using System.Diagnostics;
using OpenTelemetry;

namespace Tdkt.Web.Telemetry;

/// <summary>Scrubs every span (its name and string tags, its events' names) before the exporters registered after it.</summary>
public sealed class ScrubbingSpanProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.DisplayName = TelemetryScrubber.Scrub(data.DisplayName);
        foreach (var tag in data.TagObjects.ToList())
        {
            // Numbers and flags come back as they are; only a changed value is written back.
            if (TelemetryScrubber.Scrub(tag.Value) is var scrubbed && !Equals(scrubbed, tag.Value))
            {
                data.SetTag(tag.Key, scrubbed);
            }
        }
    }
}
