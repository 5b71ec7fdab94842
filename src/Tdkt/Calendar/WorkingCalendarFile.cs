using NodaTime;
using Tdkt.Input;
using YamlDotNet.RepresentationModel;

namespace Tdkt.Calendar;

/// <summary>Reads the working-calendar data (the embedded default, or a deployment's own file).</summary>
public static class WorkingCalendarFile
{
    public static WorkingCalendar LoadDefault()
    {
        using var stream = typeof(WorkingCalendarFile).Assembly.GetManifestResourceStream("Tdkt.Calendar.vietnam-working-calendar.yaml")
            ?? throw new InvalidOperationException("The embedded working calendar is missing from the build.");
        using var reader = new StreamReader(stream);
        return Read(reader.ReadToEnd(), "vietnam-working-calendar.yaml");
    }

    public static WorkingCalendar Read(string text, string file)
    {
        var errors = new List<InputError>();
        var yaml = new YamlInput(file, errors);
        var root = yaml.LoadRoot(text);
        var years = new List<CalendarYear>();
        if (root is not null && root.Children.TryGetValue(new YamlScalarNode("years"), out var node) && node is YamlMappingNode byYear)
        {
            foreach (var (key, value) in byYear.Children)
            {
                if (key is not YamlScalarNode { Value: { } name } || !int.TryParse(name, out var year) || value is not YamlMappingNode entry)
                {
                    yaml.Error(key, "years", "Mỗi năm phải có dạng \"2024\": { off: [...], worked: [...] }.");
                    continue;
                }
                years.Add(new CalendarYear(year,
                    Dates(yaml.Texts(entry, "off"), year, key).ToHashSet(),
                    Dates(yaml.Texts(entry, "worked"), year, key).ToHashSet(),
                    yaml.Bool(entry, "partial")));
            }
        }
        if (errors.Count > 0)
        {
            throw new InputRejectedException(errors);
        }
        return new WorkingCalendar(years);

        IEnumerable<LocalDate> Dates(IReadOnlyList<string> items, int year, YamlNode at)
        {
            foreach (var item in items)
            {
                if (CalendarDates.Parse(item, year) is not { } days)
                {
                    yaml.Error(at, "off", CalendarDates.Invalid(item, year));
                    continue;
                }
                foreach (var day in days)
                {
                    yield return day;
                }
            }
        }
    }
}
