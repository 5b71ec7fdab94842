using Tdkt.Clock;
using Tdkt.Hosting;

namespace Tdkt.Plans;

/// <summary>The use cases that move a plan through its life: activate (reminders start), archive (they stop), roll forward to next year's draft.</summary>
public sealed class PlanLifecycle(PlanStore plans, Agencies.AgencyStore agencies)
{
    public async Task<PlanChangeOutcome> SetStatusAsync(string id, PlanStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (status == PlanStatus.Active && PlanId.IsValid(id) && await plans.GetSummaryAsync(new PlanId(id), cancellationToken) is { Number.Length: 0 })
        {
            return new PlanChangeOutcome(PlanChangeResult.Refused,
                $"Dự thảo {id} chưa có số hiệu nên chưa kích hoạt được: ghi số của kế hoạch đã ban hành (tdkt plan set-number {id} SỐ --issued-on NGÀY) hoặc nhập văn bản đã ban hành.");
        }
        if (!PlanId.IsValid(id) || !await plans.SetStatusAsync(new PlanId(id), status, cancellationToken))
        {
            return PlanChangeOutcome.UnknownPlan(id);
        }
        return new PlanChangeOutcome(PlanChangeResult.Done, $"Kế hoạch {id}: {StatusText(status)}.");
    }

    /// <summary>Sets how often the plan's report is mailed upward ("quarterly", "monthly" or "off").</summary>
    public async Task<PlanChangeOutcome> SetReportScheduleAsync(string id, string schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (ReportSchedules.Parse(schedule) is not { } value)
        {
            return new PlanChangeOutcome(PlanChangeResult.Refused, $"Lịch gửi báo cáo “{schedule}” không hợp lệ: dùng quarterly (hằng quý), monthly (hằng tháng) hoặc off (không gửi).");
        }
        if (!PlanId.IsValid(id) || !await plans.SetReportScheduleAsync(new PlanId(id), value, cancellationToken))
        {
            return PlanChangeOutcome.UnknownPlan(id);
        }
        return new PlanChangeOutcome(PlanChangeResult.Done, value == ReportSchedule.Off
            ? $"Kế hoạch {id}: không gửi báo cáo định kỳ."
            : $"Kế hoạch {id}: gửi báo cáo {ReportSchedules.Describe(value)} cho cơ quan báo cáo vào ngày làm việc đầu tiên sau mỗi kỳ.");
    }

    /// <summary>Makes <paramref name="id"/> active unless it already is (nothing written then).</summary>
    public async Task<PlanChangeOutcome> EnsureActiveAsync(string id, CancellationToken cancellationToken) =>
        PlanId.IsValid(id) && await plans.GetSummaryAsync(new PlanId(id), cancellationToken) is { Status: PlanStatus.Active }
            ? new PlanChangeOutcome(PlanChangeResult.Done, $"Kế hoạch {id}: {StatusText(PlanStatus.Active)}.")
            : await SetStatusAsync(id, PlanStatus.Active, cancellationToken);

    public async Task<PlanChangeOutcome> RollForwardAsync(string id, int year, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!PlanId.IsValid(id) || await plans.GetAsync(new PlanId(id), cancellationToken) is not { } plan)
        {
            return PlanChangeOutcome.UnknownPlan(id);
        }
        if (year <= plan.Year)
        {
            return new PlanChangeOutcome(PlanChangeResult.Refused, $"Năm mới phải sau năm {plan.Year}.");
        }
        var (draft, changes) = RollForward.ToNextYear(plan, year, await agencies.LoadAsync(cancellationToken));
        await plans.SaveAsync(draft, progress, [], cancellationToken);
        return new PlanChangeOutcome(PlanChangeResult.Done, $"Đã tạo dự thảo {draft.Id} ({draft.Title}), chưa có số hiệu. {changes.Count} thay đổi cần rà soát:")
        {
            Draft = draft,
            Changes = changes,
        };
    }

    /// <summary>
    /// Gives a draft the number (and date) of the plan as issued: the draft is stored again under the id that number
    /// gives, and the unnumbered one is archived (kept, not deleted).
    /// </summary>
    public async Task<PlanChangeOutcome> SetNumberAsync(string id, string number, NodaTime.LocalDate? issuedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(number);
        if (!PlanId.IsValid(id) || await plans.GetAsync(new PlanId(id), cancellationToken) is not { } plan)
        {
            return PlanChangeOutcome.UnknownPlan(id);
        }
        var clean = Input.VietnameseText.Clean(number);
        if (clean.Length is 0 or > 40 || !clean.Contains('/', StringComparison.Ordinal))
        {
            return new PlanChangeOutcome(PlanChangeResult.Refused, $"Số hiệu “{number}” không hợp lệ: ghi như trên văn bản, ví dụ 245/KH-UBND.");
        }
        if (plan.Status != PlanStatus.Draft)
        {
            return new PlanChangeOutcome(PlanChangeResult.Refused,
                $"Kế hoạch {id} đang {StatusText(plan.Status)}: chỉ dự thảo mới được ghi số hiệu (kế hoạch đang thực hiện giữ số và kết quả hoàn thành của nó).");
        }
        var numbered = plan with { Id = PlanId.For(plan.Year, clean), Number = clean, IssuedOn = issuedOn ?? plan.IssuedOn };
        if (numbered.Id != plan.Id && await plans.GetSummaryAsync(numbered.Id, cancellationToken) is not null)
        {
            return new PlanChangeOutcome(PlanChangeResult.Refused, $"Đã có kế hoạch {numbered.Id}: không ghi đè. Kiểm tra lại số hiệu.");
        }
        await plans.SaveAsync(numbered, null, [], cancellationToken);
        if (numbered.Id != plan.Id)
        {
            await plans.SetStatusAsync(plan.Id, PlanStatus.Archived, cancellationToken);
        }
        return new PlanChangeOutcome(PlanChangeResult.Done,
            $"Đã ghi số hiệu {clean} ngày {VietnamTime.ShortDate(numbered.IssuedOn)}: dự thảo nay là {numbered.Id}"
            + (numbered.Id != plan.Id ? $" ({plan.Id} được lưu trữ)" : "") + $". Kích hoạt bằng tdkt plan activate {numbered.Id}.")
        {
            Draft = numbered,
        };
    }

    public static string StatusText(PlanStatus status) => status switch
    {
        PlanStatus.Active => "đang thực hiện",
        PlanStatus.Archived => "đã lưu trữ",
        _ => "dự thảo",
    };
}
