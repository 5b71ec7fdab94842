using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Tdkt.Calendar;

public static class CalendarServiceCollectionExtensions
{
    /// <summary>The working calendar (embedded, or a deployment's own file) and the years an administrator set.</summary>
    public static IServiceCollection AddCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<CalendarOptions>>().Value.CalendarFile is { Length: > 0 } file
            ? WorkingCalendarFile.Read(File.ReadAllText(file), Path.GetFileName(file))
            : WorkingCalendarFile.LoadDefault());
        services.TryAddSingleton<CalendarStore>();
        return services;
    }
}
