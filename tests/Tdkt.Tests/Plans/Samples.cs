using Tdkt.Agencies;
using Tdkt.Plans;
using Tdkt.Plans.Import;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

/// <summary>The repository's sample directory and the seed plan, as every plan test starts from them.</summary>
public static class Samples
{
    public static string PlanTextPath => RepositoryRoot.File("samples", "plans", "lang-son-2023-252-kh-ubnd.txt");

    public static string PlanYamlPath => RepositoryRoot.File("samples", "plans", "lang-son-2023-252-kh-ubnd.yaml");

    public static string DirectoryPath => RepositoryRoot.File("samples", "agencies", "lang-son.yaml");

    public static AgencyDirectory Directory()
    {
        var result = AgencyDirectoryFile.Read(File.ReadAllText(DirectoryPath), "lang-son.yaml");
        Assert.Empty(result.Errors);
        return result.Directory!;
    }

    public static Plan Plan()
    {
        var result = PlanImporter.Import(File.ReadAllBytes(PlanTextPath), PlanTextPath, Directory());
        Assert.Empty(result.Errors);
        return result.Plan!;
    }

    public static PlanBuildResult Import(string text, string fileName = "plan.txt", AgencyDirectory? directory = null) =>
        PlanImporter.Import(System.Text.Encoding.UTF8.GetBytes(text), fileName, directory ?? Directory());
}
