
namespace Tdkt.Assignments;

/// <summary>Ways a completion reaches the store.</summary>
public static class CompletionVia
{
    /// <summary>The agency's own page, through its signed link.</summary>
    public const string Link = "link";

    /// <summary>An administrator (command line or admin route).</summary>
    public const string Admin = "admin";
}
