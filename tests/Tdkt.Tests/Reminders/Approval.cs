using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Reminders;

/// <summary>
/// Approval files: the expected output is a reviewed file in the repository. On a difference the test
/// writes the new output next to it as *.received.txt and fails, so a reviewer can diff the two and,
/// if the change is intended, copy the received file over the approved one.
/// </summary>
public static class Approval
{
    public static void Verify(string actual, params string[] approvedPath)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var approved = RepositoryRoot.File(approvedPath);
        var received = Path.ChangeExtension(approved, null).Replace(".approved", "", StringComparison.Ordinal) + ".received.txt";
        var expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : "";
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        var line = expected.Split('\n').Zip(actual.Split('\n')).Select((p, i) => (p, i)).FirstOrDefault(x => x.p.First != x.p.Second);
        Assert.Fail($"The output differs from {Path.GetFileName(approved)} (first at line {line.i + 1}: expected “{line.p.First}”, got “{line.p.Second}”). " +
            $"Review {Path.GetFileName(received)}; if it is right, copy it over the approved file.");
    }
}
