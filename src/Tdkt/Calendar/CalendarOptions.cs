namespace Tdkt.Calendar;

/// <summary>Where the working calendar comes from (in the sweep's section, where it has always been set).</summary>
public sealed class CalendarOptions
{
    public const string Section = "Tdkt:Sweep";

    /// <summary>A deployment's own working-calendar YAML file; empty uses the calendar built into the product.</summary>
    public string? CalendarFile { get; set; }
}
