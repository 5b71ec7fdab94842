using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tdkt.Assignments;

public static class AssignmentServiceCollectionExtensions
{
    /// <summary>The owner of the Assignments table, the agency pages' kept copies, the audit and the due-date index.</summary>
    public static IServiceCollection AddAssignments(this IServiceCollection services)
    {
        services.TryAddSingleton<AssignmentTable>();
        services.TryAddSingleton<AgencyRowCache>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<DueIndex>();
        return services;
    }
}
