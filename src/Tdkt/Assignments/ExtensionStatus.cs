
namespace Tdkt.Assignments;

public enum ExtensionStatus
{
    Pending,
    Approved,
    Declined,
}
