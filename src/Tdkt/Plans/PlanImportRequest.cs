using Tdkt.Agencies;
using Tdkt.Plans.Import;

namespace Tdkt.Plans;

/// <summary>A plan file to import: its bytes and name (the name gives the format unless <see cref="Format"/> does).</summary>
public sealed record PlanImportRequest(ReadOnlyMemory<byte> Content, string FileName)
{
    public PlanFormat? Format { get; init; }

    /// <summary>A directory given with the plan (saved with it when the plan is saved); null: the stored directory.</summary>
    public AgencyDirectory? Directory { get; init; }

    /// <summary>Check and preview only: nothing is stored.</summary>
    public bool DryRun { get; init; }

    /// <summary>Number, issuer and date of issue given by the administrator: they override the document's, or supply a header it lacks.</summary>
    public PlanReference? Header { get; init; }

    /// <summary>Store even if the import moves or drops recorded completions (they are listed first: <see cref="PlanImportOutcome.Changes"/>).</summary>
    public bool ConfirmChanges { get; init; }
}
