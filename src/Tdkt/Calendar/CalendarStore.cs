using Azure;
using Azure.Data.Tables;
using NodaTime;
using Tdkt.Storage;

namespace Tdkt.Calendar;

/// <summary>
/// The years administrators announced after the deployment (table WorkingCalendar, one row per year; each replaces the
/// built-in data of its year). Every host reads them into the <see cref="WorkingCalendar"/> before it sweeps, so a new
/// year's holidays apply from the next sweep, without a redeploy. A replaced or removed year is kept in the
/// <c>history</c> partition.
/// </summary>
public sealed class CalendarStore(StorageTables tables, WorkingCalendar calendar, IClock clock)
{
    private const string Current = "year";
    private const string History = "history";

    /// <summary>Reads the announced years into the calendar; returns how many there are.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var years = await ListAsync(cancellationToken);
        calendar.Announce(years.Select(y => y.Days));
        return years.Count;
    }

    public async Task<IReadOnlyList<StoredCalendarYear>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.WorkingCalendar, cancellationToken);
        var years = new List<StoredCalendarYear>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Current, cancellationToken: cancellationToken))
        {
            if (int.TryParse(row.RowKey, out var year))
            {
                years.Add(Read(year, row));
            }
        }
        return years;
    }

    /// <summary>Stores the year (the previous announcement, if any, goes to the history) and applies it to the calendar.</summary>
    public async Task SetAsync(CalendarYear days, string by, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        var table = await tables.GetAsync(StorageTables.WorkingCalendar, cancellationToken);
        await KeepPreviousAsync(table, days.Year, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Current, Key(days.Year))
        {
            ["Off"] = string.Join(",", CalendarDates.Items(days.Off)),
            ["Worked"] = string.Join(",", CalendarDates.Items(days.Worked)),
            ["Partial"] = days.Partial,
            ["Note"] = note,
            ["UpdatedAt"] = clock.GetCurrentInstant().ToDateTimeOffset(),
            ["UpdatedBy"] = by,
        }, TableUpdateMode.Replace, cancellationToken);
        await RefreshAsync(cancellationToken);
    }

    /// <summary>Removes the year's announcement (kept in the history): the built-in data, or the statutory rules, apply again.</summary>
    public async Task<bool> ResetAsync(int year, string by, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.WorkingCalendar, cancellationToken);
        if (!await KeepPreviousAsync(table, year, cancellationToken, removedBy: by))
        {
            return false;
        }
        try
        {
            await table.DeleteEntityAsync(Current, Key(year), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Removed at the same moment by someone else.
        }
        await RefreshAsync(cancellationToken);
        return true;
    }

    private async Task<bool> KeepPreviousAsync(TableClient table, int year, CancellationToken cancellationToken, string? removedBy = null)
    {
        var previous = await table.GetEntityIfExistsAsync<TableEntity>(Current, Key(year), cancellationToken: cancellationToken);
        if (!previous.HasValue)
        {
            return false;
        }
        var kept = new TableEntity(previous.Value!) { PartitionKey = History, RowKey = $"{Key(year)}-{clock.GetCurrentInstant().ToUnixTimeTicks():D19}" };
        if (removedBy is not null)
        {
            kept["RemovedBy"] = removedBy;
        }
        kept.Remove("odata.etag");
        await table.UpsertEntityAsync(kept, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    private static StoredCalendarYear Read(int year, TableEntity row)
    {
        var off = Items(row.GetString("Off")).SelectMany(i => CalendarDates.Parse(i, year) ?? []).ToHashSet();
        var worked = Items(row.GetString("Worked")).SelectMany(i => CalendarDates.Parse(i, year) ?? []).ToHashSet();
        return new StoredCalendarYear(new CalendarYear(year, off, worked, row.GetBoolean("Partial") ?? false),
            row.GetString("Note"), row.GetDateTimeOffset("UpdatedAt"), row.GetString("UpdatedBy"));

        static string[] Items(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string Key(int year) => year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
