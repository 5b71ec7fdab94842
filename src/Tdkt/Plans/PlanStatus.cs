
namespace Tdkt.Plans;

public enum PlanStatus
{
    Draft,
    Active,
    Archived,
}
