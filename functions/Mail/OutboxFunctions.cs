using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime;
using Tdkt.Functions.Plans;
using Tdkt.Hosting;
using Tdkt.Mail;
using Tdkt.Outbox;
using Tdkt.Reminders;

namespace Tdkt.Functions.Mail;

/// <summary>Admin routes (function key): the digests in one state (failed by default), and retrying a failed one.</summary>
public sealed class OutboxFunctions(OutboxStore outbox, DispatchQueueClient queue, IClock clock)
{
    [Function("ListOutbox")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "outbox")] HttpRequest request,
        CancellationToken cancellationToken) =>
        AdminProblems.UnlessStorageIsDownAsync(request, async () =>
        {
            var status = request.Query["status"].FirstOrDefault() ?? OutboxStatus.Failed;
            if (status is not (OutboxStatus.Pending or OutboxStatus.Sending or OutboxStatus.Sent or OutboxStatus.Failed))
            {
                return AdminProblems.BadRequest($"status={status} không hợp lệ: dùng pending, sending, sent hoặc failed.");
            }
            var days = int.TryParse(request.Query["days"], out var d) && d is > 0 and <= 400 ? d : 31;
            var entries = await outbox.ListByStatusAsync(status, VietnamTime.Today(clock), days, cancellationToken);
            return new OkObjectResult(entries.Select(e => new
            {
                key = e.Key.Value,
                date = NodaTime.Text.LocalDatePattern.Iso.Format(e.Key.Date),
                kind = e.Key.Kind.ToString().ToLowerInvariant(),
                agency = e.Key.Agency,
                status = e.Status,
                attempts = e.Attempts,
                lastError = e.LastError,
                to = e.To,
            }));
        }, cancellationToken);

    [Function("RetryDigest")]
    public Task<IActionResult> Retry(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "outbox/{date}/{kind}/{agency}/retry")] HttpRequest request,
        string date,
        string kind,
        string agency,
        CancellationToken cancellationToken) =>
        AdminProblems.UnlessStorageIsDownAsync(request, async () =>
        {
            DigestKey key;
            try
            {
                key = DigestKey.Parse($"{date}/{kind}/{agency}");
            }
            catch (FormatException)
            {
                return AdminProblems.BadRequest($"{date}/{kind}/{agency} không phải mã thư hợp lệ (YYYY-MM-DD/daily|weekly/cơ-quan).");
            }
            if (await outbox.GetAsync(key, cancellationToken) is not { } entry)
            {
                return AdminProblems.NotFound($"Không có thư {key.Value}.");
            }
            if (!await outbox.RetryAsync(key, cancellationToken))
            {
                return AdminProblems.Conflict($"Thư {key.Value} đang ở trạng thái {entry.Status}, chỉ gửi lại được thư đã thất bại.");
            }
            await queue.EnqueueAsync(key, cancellationToken);
            return new OkObjectResult(new { key = key.Value, status = OutboxStatus.Pending });
        }, cancellationToken);
}
