using Fluid;
using Fluid.Values;

namespace Tdkt.Pages;

/// <summary>
/// What a template gets when it reads a name its model does not have (a misspelt or removed property): in a Debug build,
/// which every test run is, the render fails and names it, so a template and its model cannot drift apart unseen; a
/// Release build renders it blank, as Liquid does, so a deployment's own mail template with a typo still sends.
/// </summary>
public static class UndefinedValues
{
    public static TemplateOptions Checked(this TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Undefined = Read;
        return options;
    }

    private static ValueTask<FluidValue> Read(string name)
    {
#if DEBUG
        throw new InvalidOperationException($"A template reads “{name}”, which its model does not have.");
#else
        return ValueTask.FromResult<FluidValue>(NilValue.Instance);
#endif
    }
}
