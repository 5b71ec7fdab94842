namespace Tdkt.Pages;

/// <summary>
/// Marks a type whose public properties the page templates may read (<see cref="PageTemplates"/>): every other type is
/// closed to them, so a template can show only what a view was made to show.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PageModelAttribute : Attribute;
