using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Tdkt.Storage;

/// <summary>The product's tables, named with the configured prefix and created on first use.</summary>
public sealed class StorageTables(TableServiceClient service, IOptions<StorageOptions> options)
{
    public const string Plans = "Plans";
    public const string Tasks = "Tasks";
    public const string Assignments = "Assignments";
    public const string Agencies = "Agencies";
    public const string DueIndex = "DueIndex";
    public const string Outbox = "Outbox";
    public const string SweepRuns = "SweepRuns";
    public const string MailSlots = "MailSlots";
    public const string OutboxPending = "OutboxPending";
    public const string LinkRevocations = "LinkRevocations";
    public const string WorkingCalendar = "WorkingCalendar";
    public const string Console = "Console";

    private readonly ConcurrentDictionary<string, OnFirstUse<TableClient>> tables = new(StringComparer.Ordinal);

    public Task<TableClient> GetAsync(string name, CancellationToken cancellationToken) =>
        tables.GetOrAdd(name, n => new OnFirstUse<TableClient>(async ct =>
        {
            var table = service.GetTableClient(options.Value.Prefix + n);
            await table.CreateIfNotExistsAsync(ct);
            return table;
        })).GetAsync(cancellationToken);
}
