using System.Reflection;

namespace Tdkt.Tests.Infrastructure;

[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class ServiceFreeTests
{
    [Fact]
    public void A_class_marked_service_free_asks_for_no_service()
    {
        var marked = typeof(ServiceFree).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes<TraitAttribute>().Any(a => a.Name == ServiceFree.Trait && a.Value == ServiceFree.Value))
            .ToList();

        Assert.True(marked.Count >= 10, $"{marked.Count} classes marked");
        var asking = marked.Where(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => p.ParameterType == typeof(LocalServices))).ToList();
        Assert.Empty(asking);
    }
}
