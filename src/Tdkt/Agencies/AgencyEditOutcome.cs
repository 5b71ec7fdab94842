using Tdkt.Input;

namespace Tdkt.Agencies;

/// <summary>What an edit did: saved, or why not (errors at their field, or someone else's edit first); the message every host shows.</summary>
public sealed record AgencyEditOutcome(bool Saved, string Message, IReadOnlyList<InputError> Errors)
{
    public static AgencyEditOutcome Refused(string field, string message) =>
        new(false, "Chưa lưu: " + message, [new InputError(AgencyEdits.Source, null, field, message)]);
}
