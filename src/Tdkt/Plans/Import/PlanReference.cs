
namespace Tdkt.Plans.Import;

/// <summary>A plan's number, issuer and date of issue as a document states them (each may be missing).</summary>
public sealed record PlanReference(string? Number, string? Issuer, string? IssuedOn)
{
    public static readonly PlanReference None = new(null, null, null);

    /// <summary>Each field of this reference, or of <paramref name="other"/> where this one has none.</summary>
    public PlanReference Or(PlanReference other) =>
        new(Number ?? other.Number, Issuer ?? other.Issuer, IssuedOn ?? other.IssuedOn);
}
