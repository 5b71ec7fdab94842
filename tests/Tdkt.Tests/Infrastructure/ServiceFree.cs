namespace Tdkt.Tests.Infrastructure;

/// <summary>
/// The trait of test classes that need no running service (no Azurite, smtp4dev, browser, LibreOffice or host):
/// <c>./test.sh quick</c> runs only them, in seconds.
/// </summary>
public static class ServiceFree
{
    public const string Trait = "Needs";
    public const string Value = "nothing";
}
