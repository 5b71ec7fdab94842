using Tdkt.Administration;
using Tdkt.Clock;
using Tdkt.Plans;

namespace Tdkt.Web.Console.Plans;

/// <summary>
/// The plan page's changes to a plan as a whole, through <see cref="PlanLifecycle"/> as <c>tdkt plan activate|archive|roll-forward|set-number</c>
/// make them, each audited with the signed-in person: activate (reminders start), archive (they stop, records kept), roll
/// forward to next year's draft (with what to review), give a draft the number it was issued under.
/// </summary>
public sealed class ConsolePlanActions(PlanLifecycle lifecycle, AdminUsers users)
{
    public static class Actions
    {
        public const string Status = "plan-status";
        public const string RollForward = "plan-roll-forward";
        public const string Number = "plan-number";
    }

    public async Task<PlanChangeOutcome> SetStatusAsync(string id, string status, string by, CancellationToken cancellationToken)
    {
        PlanStatus? wanted = status switch { "active" => PlanStatus.Active, "archived" => PlanStatus.Archived, _ => null };
        if (wanted is not { } value)
        {
            return new PlanChangeOutcome(PlanChangeResult.Refused, $"Trạng thái “{status}” không hợp lệ: chỉ kích hoạt hoặc lưu trữ.");
        }
        var outcome = await lifecycle.SetStatusAsync(id, value, cancellationToken);
        if (outcome.Result == PlanChangeResult.Done)
        {
            await users.AuditAsync(by, Actions.Status, id, status, cancellationToken);
        }
        return outcome;
    }

    public async Task<PlanChangeOutcome> RollForwardAsync(string id, string year, string by, CancellationToken cancellationToken)
    {
        if (!int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var next) || next is < 2000 or > 2999)
        {
            return new PlanChangeOutcome(PlanChangeResult.Refused, $"Năm “{year}” không hợp lệ.");
        }
        var outcome = await lifecycle.RollForwardAsync(id, next, null, cancellationToken);
        if (outcome.Draft is { } draft)
        {
            await users.AuditAsync(by, Actions.RollForward, draft.Id.Value, $"từ {id}, {outcome.Changes.Count} thay đổi cần rà soát", cancellationToken);
        }
        return outcome;
    }

    public async Task<PlanChangeOutcome> SetNumberAsync(string id, string number, string issuedOn, string by, CancellationToken cancellationToken)
    {
        NodaTime.LocalDate? date = null;
        if (!string.IsNullOrWhiteSpace(issuedOn))
        {
            date = VietnamTime.ParseDate(issuedOn);
            if (date is null)
            {
                return new PlanChangeOutcome(PlanChangeResult.Refused, $"Ngày ban hành “{issuedOn.Trim()}” không hợp lệ (dùng dd/mm/yyyy): chưa ghi gì.");
            }
        }
        var outcome = await lifecycle.SetNumberAsync(id, number ?? "", date, cancellationToken);
        if (outcome.Result == PlanChangeResult.Done)
        {
            await users.AuditAsync(by, Actions.Number, id, number!.Trim(), cancellationToken);
        }
        return outcome;
    }
}
