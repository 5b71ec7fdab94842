
namespace Tdkt.Completion;

public enum UndoOutcome
{
    Undone,
    NotDone,
    TooLate,
    NotHeld,

    /// <summary>Undone <see cref="CompletionService.MaxUndos"/> times already: a further change goes through an administrator.</summary>
    TooOften,
}
