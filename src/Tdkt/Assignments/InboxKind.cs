
namespace Tdkt.Assignments;

/// <summary>What a supervising agency is shown from the agencies it follows: a file one attached, or a request for more time.</summary>
public enum InboxKind
{
    File,
    Extension,
}
