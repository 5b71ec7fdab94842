using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using Tdkt.Storage;

namespace Tdkt.Reminders;

/// <summary>Run records: partition "sweep", row = date~start~unique, so the runs of a date sort together and in order.</summary>
public sealed class SweepRuns(StorageTables tables)
{
    private const string Partition = "sweep";

    /// <summary>How far back a sweep looks for the last successful run when catching up missed days.</summary>
    public const int CatchUpDays = 31;

    public async Task RecordAsync(SweepRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await tables.GetAsync(StorageTables.SweepRuns, cancellationToken);
        var row = new TableEntity(Partition, $"{LocalDatePattern.Iso.Format(run.Date)}~{run.StartedAt.ToUnixTimeTicks():D19}~{Guid.NewGuid():N}")
        {
            ["Date"] = LocalDatePattern.Iso.Format(run.Date),
            ["WorkingDay"] = run.WorkingDay,
            ["Trigger"] = run.Trigger,
            ["StartedAt"] = run.StartedAt.ToDateTimeOffset(),
            ["EndedAt"] = run.EndedAt.ToDateTimeOffset(),
            ["DigestsCreated"] = run.DigestsCreated,
            ["DigestsExisting"] = run.DigestsExisting,
            ["Notices"] = run.Notices,
            ["RowsRead"] = run.RowsRead,
            ["ErrorCount"] = run.Errors.Count,
            ["IndexRepaired"] = run.IndexRepaired,
        };
        LongText.Write(row, "Errors", string.Join("\n", run.Errors.Take(200)));
        await table.AddEntityAsync(row, cancellationToken);
    }

    /// <summary>Runs for dates in [from, to], oldest first.</summary>
    public async Task<IReadOnlyList<SweepRun>> ListAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.SweepRuns, cancellationToken);
        var low = LocalDatePattern.Iso.Format(from);
        var high = LocalDatePattern.Iso.Format(to.PlusDays(1));
        var runs = new List<SweepRun>();
        await foreach (var e in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == Partition && e.RowKey.CompareTo(low) >= 0 && e.RowKey.CompareTo(high) < 0, cancellationToken: cancellationToken))
        {
            runs.Add(new SweepRun(LocalDatePattern.Iso.Parse(e.GetString("Date")).Value, e.GetBoolean("WorkingDay") == true, e.GetString("Trigger"),
                Instant.FromDateTimeOffset(e.GetDateTimeOffset("StartedAt")!.Value), Instant.FromDateTimeOffset(e.GetDateTimeOffset("EndedAt")!.Value),
                e.GetInt32("DigestsCreated") ?? 0, e.GetInt32("DigestsExisting") ?? 0, e.GetInt32("Notices") ?? 0, e.GetInt32("RowsRead") ?? 0,
                LongText.Read(e, "Errors").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToValueList(), e.GetInt32("IndexRepaired") ?? 0));
        }
        return runs;
    }

    /// <summary>The date of the last successful sweep before <paramref name="date"/> (looking back <see cref="CatchUpDays"/> days), if any.</summary>
    public async Task<LocalDate?> LastSucceededBeforeAsync(LocalDate date, CancellationToken cancellationToken)
    {
        var runs = await ListAsync(date.PlusDays(-CatchUpDays), date.PlusDays(-1), cancellationToken);
        return runs.Where(r => r.Succeeded).Select(r => (LocalDate?)r.Date).Max();
    }
}
