using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Tdkt.Agencies;
using Tdkt.Clock;
using Tdkt.Input;

namespace Tdkt.Plans.Import;

/// <summary>Turns a <see cref="RawPlan"/> into a <see cref="Plan"/>, reporting every problem at once.</summary>
public static class PlanBuilder
{
    public const int MaxTasks = 5_000;

    /// <summary>The most agencies one task may list (a group in the directory expands within it).</summary>
    public const int MaxAgenciesPerTask = 200;

    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    public static PlanBuildResult Build(RawPlan raw, AgencyDirectory directory, string file)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(directory);
        var errors = new List<InputError>();
        void Error(int? line, string field, string message) => errors.Add(new InputError(file, line, field, message));

        var header = ReadHeader(raw, Error);
        if (raw.Tasks.Count == 0)
        {
            Error(raw.Line, "tasks", "Kế hoạch không có nhiệm vụ nào.");
        }
        if (raw.TaskCount > MaxTasks)
        {
            // Nothing else is checked: the answer to a file of a million rows is one line, not a million errors.
            Error(raw.Line, "tasks", $"Kế hoạch có {raw.TaskCount} nhiệm vụ, vượt giới hạn {MaxTasks}.");
            return new PlanBuildResult(null, errors);
        }
        // A renamed or merged agency gives its tasks to its successor when it took over by the time the plan starts.
        var resolve = new AgencyLookup(directory)
        {
            On = header.Year > 0 ? Later(new LocalDate(header.Year, 1, 1), header.IssuedOn) : null,
        };
        var (tasks, keyed, precised) = BuildTasks(raw, header.Year, resolve, Error);

        if (errors.Count > 0 || header is not { Id: { } id, Number: { } number, Title: { } title, Issuer: { } issuer, IssuedOn: { } issuedOn })
        {
            return new PlanBuildResult(null, errors) { UnknownAgencies = resolve.UnknownNames, NotRead = raw.NotRead };
        }
        // Keys unique already (a given key may be another task's number key); the import resolves them again against the stored plan.
        var plan = TaskIdentity.Resolve(new Plan(id, number, title, issuer, issuedOn, header.Year, header.Status, tasks.ToValueList()), keyed, []);
        return new PlanBuildResult(plan, errors)
        {
            KeyedNumbers = keyed,
            Warnings = [.. resolve.ReplacementWarnings(directory), .. PrecisionWarnings(precised), .. UndatedWarnings(plan)],
            NotRead = raw.NotRead,
        };
    }

    /// <summary>What the plan's header gives (null where it is missing or wrong, with an error said for each).</summary>
    private sealed record Header(PlanId? Id, string? Number, string? Title, string? Issuer, LocalDate? IssuedOn, int Year, PlanStatus Status);

    private static Header ReadHeader(RawPlan raw, Action<int?, string, string> error)
    {
        // A roll-forward draft, exported and edited, has its id and no number until the new plan is issued.
        var unnumberedDraft = string.IsNullOrWhiteSpace(raw.Number) && raw.Id is { Length: > 0 } && raw.Title is { Length: > 0 }
            && string.Equals(raw.Status, nameof(PlanStatus.Draft), StringComparison.OrdinalIgnoreCase);
        var number = unnumberedDraft ? RollForward.DraftNumber : Required(raw.Number, raw.Line, "number",
            "Thiếu số hiệu kế hoạch (ví dụ “252/KH-UBND”): văn bản không ghi “Số: …/KH-…”; " + PlanHeaderOverrides.Hint("number"), error);
        // A document that is only the task table has no title: it is named by its number.
        var title = raw.Title is { Length: > 0 } || number is null
            ? Required(raw.Title, raw.Line, "title", "Thiếu tên kế hoạch.", error)
            : $"Kế hoạch số {number}" + (raw.Year is { } y ? $" năm {y.ToString(CultureInfo.InvariantCulture)}" : "");
        var issuer = Required(raw.Issuer, raw.Line, "issuer",
            "Thiếu cơ quan ban hành: văn bản không có phần đầu ghi tên cơ quan; " + PlanHeaderOverrides.Hint("issuer"), error);
        var issuedOn = IssueDate(raw.IssuedOn, raw.Line, "issuedOn", error);
        if (raw.Year is not { } year || year is < 2000 or > 2999)
        {
            error(raw.Line, "year", raw.Year is null
                ? "Thiếu năm kế hoạch: tên kế hoạch không ghi năm và chưa có ngày ban hành để suy ra."
                : $"Năm kế hoạch {raw.Year} không hợp lệ.");
            year = 0;
        }
        var status = PlanStatus.Draft;
        if (raw.Status is { Length: > 0 } s && !Enum.TryParse(s, ignoreCase: true, out status))
        {
            error(raw.Line, "status", $"Trạng thái “{s}” không hợp lệ: dùng draft, active hoặc archived.");
        }
        PlanId? id = null;
        if (raw.Id is { Length: > 0 } rawId)
        {
            if (PlanId.IsValid(rawId))
            {
                id = new PlanId(rawId);
            }
            else
            {
                error(raw.Line, "id", $"Mã kế hoạch “{rawId}” chỉ được gồm chữ thường không dấu, số và dấu “-”.");
            }
        }
        else if (number is not null && year > 0)
        {
            id = PlanId.For(year, number);
        }
        return new Header(id, number, title, issuer, issuedOn, year, status);
    }

    /// <summary>Every task of the plan (a recurring duty as its occurrences), the numbers whose keys the file gave, and the deadlines a column made precise.</summary>
    private static (List<PlanTask> Tasks, HashSet<string> Keyed, List<(string Number, Deadline Column, Deadline Precise)> Precised) BuildTasks(
        RawPlan raw, int year, AgencyLookup resolve, Action<int?, string, string> error)
    {
        var tasks = new List<PlanTask>();
        var seen = new Dictionary<string, RawTask>(StringComparer.Ordinal);
        var seenKeys = new Dictionary<string, RawTask>(StringComparer.Ordinal);
        var precised = new List<(string Number, Deadline Column, Deadline Precise)>();
        var school = raw.SchoolYearStart is { } startYear && year == startYear + 1 ? SchoolYear.Of(startYear) : null;
        var keyed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in raw.Tasks)
        {
            var key = GivenKey(task, seenKeys, error);
            var built = BuildTask(task, year, resolve, seen, error, (n, column, precise) => precised.Add((n, column, precise)), school);
            if (built is not null && key is not null)
            {
                built = [.. built.Select(t => t.Series is { } series
                    ? t with { Key = TaskSeries.KeyOf(key, series.Code), Series = series with { Key = key } }
                    : t with { Key = key })];
                keyed.Add(built[0].Series?.Number ?? built[0].Number);
            }
            if (built is not null)
            {
                tasks.AddRange(built);
            }
        }
        return (tasks, keyed, precised);
    }

    private static string? Required(string? value, int? line, string field, string message, Action<int?, string, string> error)
    {
        var clean = value is null ? "" : VietnameseText.Clean(value);
        if (clean.Length == 0)
        {
            error(line, field, message);
            return null;
        }
        return clean;
    }

    private static LocalDate? IssueDate(string? value, int? line, string field, Action<int?, string, string> error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            error(line, field, "Thiếu ngày ban hành: văn bản không ghi “…, ngày … tháng … năm …”; " + PlanHeaderOverrides.Hint("issuedOn"));
            return null;
        }
        var parsed = VietnamTime.ParseDate(value);
        if (parsed is null)
        {
            error(line, field, $"Ngày “{value.Trim()}” không hợp lệ (dùng dd/MM/yyyy).");
            return null;
        }
        return parsed.Value;
    }

    /// <summary>The longest key a file may give a task.</summary>
    public const int MaxKeyLength = 40;

    /// <summary>The task's key as the file gives it, in storage form (see <see cref="PlanTask.KeyFor"/>: "1" and "0001" are one key); unique in the file.</summary>
    private static string? GivenKey(RawTask task, Dictionary<string, RawTask> seen, Action<int?, string, string> error)
    {
        if (task.Key is not { } given || VietnameseText.Clean(given) is not { Length: > 0 } written)
        {
            return null;
        }
        var key = PlanTask.KeyFor(written);
        if (written.Length > MaxKeyLength || !written.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
        {
            error(task.Line, task.Path + "key", $"Mã nhiệm vụ “{Shorten(written)}” không hợp lệ: chỉ gồm chữ cái không dấu, chữ số, “-”, “.” hoặc “_”, tối đa {MaxKeyLength} ký tự.");
            return null;
        }
        if (!seen.TryAdd(key, task))
        {
            var first = seen[key];
            var where = first.Line is { } l ? "dòng " + l.ToString(CultureInfo.InvariantCulture) : first.Path.TrimEnd('.');
            error(task.Line, task.Path + "key", $"Mã nhiệm vụ “{written}” trùng với mã của nhiệm vụ ở {where} (cùng mã lưu “{key}”); mỗi nhiệm vụ một mã.");
            return null;
        }
        return key;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..59] + "…";

    private static IReadOnlyList<PlanTask>? BuildTask(RawTask task, int year, AgencyLookup resolve, Dictionary<string, RawTask> seen, Action<int?, string, string> error,
        Action<string, Deadline, Deadline>? preciser = null, SchoolYear? school = null)
    {
        var ok = true;
        void Error(string field, string message)
        {
            ok = false;
            error(task.Line, task.Path + field, message);
        }

        var number = TaskNumber(task, seen, Error);
        if (TaskContent(task, Error) is not { } content)
        {
            return null;
        }
        if (task.Quarter is { } q && q is < 1 or > 4)
        {
            Error("quarter", $"Quý {q} không hợp lệ (1 đến 4).");
        }

        var occurrences = Recurring(task, year, school, Error);
        var deadline = occurrences is null
            ? ResolveDeadline(task, content, year, Error, (column, precise) => preciser?.Invoke(number, column, precise), school)
            : occurrences.Count > 0 ? occurrences[0].Deadline : null;
        CheckDates(task, year, school, occurrences, deadline, Error);
        var (agencies, leadCount) = Assignees(task, number, resolve, Error);
        if (!ok || deadline is null)
        {
            return null;
        }
        (agencies, leadCount) = resolve.Successors(agencies, leadCount, number);
        var quarter = task.Quarter ?? ((deadline.Due.Month - 1) / 3) + 1;
        var asWritten = new PlanTask(number, content, quarter, deadline, agencies) { Leads = leadCount };
        return occurrences is null ? [asWritten] : [.. occurrences.Select(o => TaskSeries.Occurrence(asWritten, o))];
    }

    /// <summary>The task's number as written: present, well-formed and unique in the plan by the key it is stored under.</summary>
    private static string TaskNumber(RawTask task, Dictionary<string, RawTask> seen, Action<string, string> error)
    {
        var number = VietnameseText.Clean(task.Number ?? "");
        if (number.Length == 0)
        {
            error("number", "Thiếu số thứ tự nhiệm vụ (TT).");
        }
        else if (number.Length > 16 || !number.All(c => char.IsAsciiLetterOrDigit(c) || c == '.'))
        {
            error("number", $"Số thứ tự “{number}” không hợp lệ: chỉ gồm chữ số, chữ cái và dấu chấm, tối đa 16 ký tự.");
        }
        else if (!seen.TryAdd(PlanTask.KeyFor(number), task))
        {
            // Unique by the key the task is stored under, not only as written: "7" and "07" are both 0007.
            var first = seen[PlanTask.KeyFor(number)];
            var where = first.Line is { } l ? "dòng " + l.ToString(CultureInfo.InvariantCulture) : first.Path.TrimEnd('.');
            var written = VietnameseText.Clean(first.Number ?? "");
            error("number", written == number
                ? $"Số thứ tự {number} bị trùng (đã có ở {where})."
                : $"Số thứ tự “{number}” trùng với “{written}” ở {where}: cả hai được lưu dưới cùng mã “{PlanTask.KeyFor(number)}”; sửa một trong hai.");
        }
        return number;
    }

    /// <summary>The task's text, cleaned; null when it is too long or names too many agencies to read further (the error says so).</summary>
    private static string? TaskContent(RawTask task, Action<string, string> error)
    {
        var content = VietnameseText.Clean(task.Content ?? "");
        if (content.Length == 0)
        {
            error("content", "Nội dung nhiệm vụ để trống.");
        }
        else if (content.Length > PlanBlocks.MaxTextLength)
        {
            error("content", $"Nội dung dài {content.Length.ToString("N0", VietnameseText.Culture)} ký tự, vượt giới hạn "
                + $"{PlanBlocks.MaxTextLength.ToString("N0", VietnameseText.Culture)} ký tự.");
            return null;
        }
        if (task.Agencies.Count > MaxAgenciesPerTask)
        {
            error("agencies", $"Nhiệm vụ giao cho {task.Agencies.Count} cơ quan, vượt giới hạn {MaxAgenciesPerTask}.");
            return null;
        }
        return content;
    }

    /// <summary>The deadline against the plan's year (or school year) and against a "due" the file states beside it.</summary>
    private static void CheckDates(RawTask task, int year, SchoolYear? school, IReadOnlyList<Occurrence>? occurrences, Deadline? deadline, Action<string, string> error)
    {
        if (occurrences is { Count: > 0 })
        {
            CheckOccurrences(task, occurrences, error);
        }
        else if (deadline is not null && year > 0 && school is null && deadline.Due.Year != year)
        {
            error(task.Deadline is null ? "content" : "deadline",
                $"Thời hạn “{deadline.Phrase}” ({VietnamTime.ShortDate(deadline.Due)}) nằm ngoài năm kế hoạch {year}.");
        }
        else if (deadline is { IsOngoing: false } && school is not null && !school.Contains(deadline.Due))
        {
            error(task.Deadline is null ? "content" : "deadline",
                $"Thời hạn “{deadline.Phrase}” ({VietnamTime.ShortDate(deadline.Due)}) nằm ngoài {school.Name} ({VietnamTime.ShortDate(school.Start)} - {VietnamTime.ShortDate(school.End)}).");
        }
        if (occurrences is not null)
        {
            // A recurring duty's dates are checked against its occurrences (CheckOccurrences).
        }
        else if (deadline is { IsOngoing: true } && task.Due is { Length: > 0 } given && given.Trim() is not ("null" or "~"))
        {
            error("due", $"Nhiệm vụ “{deadline.Phrase}” là nhiệm vụ thường xuyên, không có hạn: bỏ “due” hoặc ghi thời hạn cụ thể.");
        }
        else if (deadline is { IsOngoing: false } && task.Due is { Length: > 0 } stated && stated.Trim() is not ("null" or "~"))
        {
            var parsed = IsoDate.Parse(stated.Trim());
            if (!parsed.Success)
            {
                error("due", $"Ngày “{stated}” không hợp lệ (dùng yyyy-MM-dd).");
            }
            else if (parsed.Value != deadline.Due)
            {
                error("due", $"Hạn ghi là {VietnamTime.ShortDate(parsed.Value)} nhưng “{deadline.Phrase}” có nghĩa là {VietnamTime.ShortDate(deadline.Due)}; sửa một trong hai.");
            }
        }
    }

    /// <summary>
    /// The task's agencies and how many of them lead. Where the file names the leads ("chủ trì" column, YAML/JSON "lead"),
    /// leads and supporting agencies resolve apart, and a group among the leads leads as a whole; otherwise the first agency resolved leads.
    /// </summary>
    private static (ValueList<AgencyId> Agencies, int LeadCount) Assignees(RawTask task, string number, AgencyLookup resolve, Action<string, string> error)
    {
        ValueList<AgencyId> agencies;
        var leadCount = 1;
        if (task.Leads is { } named && named > 0 && named < task.Agencies.Count)
        {
            var leads = ResolveAgencies([.. task.Agencies.Take(named)], number, resolve, error);
            var support = ResolveAgencies([.. task.Agencies.Skip(named)], number, resolve, error);
            agencies = leads.Concat(support.Where(a => !leads.Contains(a))).ToValueList();
            leadCount = Math.Max(1, leads.Count);
        }
        else
        {
            agencies = ResolveAgencies(task.Agencies, number, resolve, error);
            leadCount = task.Leads is { } all && all >= task.Agencies.Count ? Math.Max(1, agencies.Count) : 1;
        }
        return (agencies, leadCount);
    }

    /// <summary>
    /// The occurrences of a duty the plan repeats ("Hằng tháng, trước ngày 20"), within the plan's year or school year;
    /// null for a task with one deadline; empty when the phrase repeats but cannot be placed (the error says why).
    /// </summary>
    private static IReadOnlyList<Occurrence>? Recurring(RawTask task, int year, SchoolYear? school, Action<string, string> error)
    {
        if (year == 0 || task.Deadline is not { Length: > 0 } phrase || school?.Whole(phrase) is not null)
        {
            return null;
        }
        var period = school is null ? PlanPeriod.CalendarYear(year) : new PlanPeriod(new LocalDate(school.Start.Year, 9, 1), school.Closes);
        var occurrences = Recurrence.Parse(phrase, period, out var message);
        if (message is not null)
        {
            error("deadline", message);
            return [];
        }
        return occurrences;
    }

    /// <summary>A file that states a recurring duty's dates (<c>due</c>, <c>occurrences</c>) must state the ones its phrase means.</summary>
    private static void CheckOccurrences(RawTask task, IReadOnlyList<Occurrence> occurrences, Action<string, string> error)
    {
        var phrase = occurrences[0].Deadline.Phrase;
        if (task.Due is { Length: > 0 } stated && stated.Trim() is not ("null" or "~")
            && (IsoDate.Parse(stated.Trim()) is not { Success: true } due || due.Value != occurrences[0].Deadline.Due))
        {
            error("due", $"Hạn ghi là “{stated.Trim()}” nhưng kỳ đầu của “{phrase}” là {VietnamTime.ShortDate(occurrences[0].Deadline.Due)}; sửa một trong hai.");
        }
        if (task.Occurrences is { Count: > 0 } given)
        {
            var expected = occurrences.Select(o => LocalDatePattern.Iso.Format(o.Deadline.Due)).ToList();
            if (!given.Select(g => g.Trim()).SequenceEqual(expected, StringComparer.Ordinal))
            {
                error("occurrences", $"Các kỳ ghi trong tệp ({string.Join(", ", given)}) không khớp với “{phrase}”: "
                    + $"{string.Join(", ", occurrences.Select(o => VietnamTime.ShortDate(o.Deadline.Due)))}; sửa một trong hai.");
            }
        }
    }

    private static Deadline? ResolveDeadline(RawTask task, string content, int year, Action<string, string> error, Action<Deadline, Deadline>? precision = null,
        SchoolYear? school = null)
    {
        if (year == 0)
        {
            return null;
        }
        if (task.Deadline is { Length: > 0 } phrase)
        {
            string? message = null;
            var parsed = school?.Whole(phrase) ?? InSchoolYear(y => DeadlineRules.Parse(phrase, y, out message), year, school);
            if (parsed is null)
            {
                error("deadline", message!);
                return null;
            }
            // "Quý IV/2026" in the time column, "… hoàn thành trước ngày 20/11/2026" in the text: the text's day is the
            // deadline when it falls in the column's period (a stated due date, as canonical files have, is kept as stated).
            if (task.Due is null && DeadlineRules.PeriodStart(parsed) is { } start
                && InSchoolYear(y => DeadlineRules.FindInContent(content, y, out _), year, school) is { } precise && precise.Due >= start && precise.Due < parsed.Due)
            {
                precision?.Invoke(parsed, precise);
                return precise;
            }
            return parsed;
        }
        string? contentError = null;
        var inContent = InSchoolYear(y => DeadlineRules.FindInContent(content, y, out contentError), year, school);
        if (contentError is not null)
        {
            error("content", contentError);
            return null;
        }
        if (inContent is not null)
        {
            return inContent;
        }
        if (task.Quarter is { } q and >= 1 and <= 4)
        {
            return InSchoolYear(y => DeadlineRules.EndOfQuarter(q, y), year, school);
        }
        error("deadline", "Nhiệm vụ không có thời hạn: cần quý, hoặc thời hạn như “trước ngày 15/01/2023”.");
        return null;
    }

    /// <summary>
    /// A deadline read with the plan's year; in a school year's plan, one that names no year and so falls after the school
    /// year's end ("Tháng 12", "Quý IV", "trước ngày 15/10") is that month of the year the school year starts in.
    /// </summary>
    private static Deadline? InSchoolYear(Func<int, Deadline?> read, int year, SchoolYear? school)
    {
        var deadline = read(year);
        if (school is null || deadline is null || deadline.IsOngoing || deadline.Due <= school.End)
        {
            return deadline;
        }
        return read(school.Start.Year) is { } earlier && school.Contains(earlier.Due) ? earlier : deadline;
    }

    private static ValueList<AgencyId> ResolveAgencies(IReadOnlyList<string> written, string task, AgencyLookup lookup, Action<string, string> error)
    {
        var resolved = new List<AgencyId>();
        if (written.Count == 0)
        {
            error("agencies", "Nhiệm vụ chưa có cơ quan thực hiện.");
        }
        foreach (var item in written.Select(VietnameseText.Clean).Where(i => i.Length > 0))
        {
            // Counted before anything is looked up: a cell listing an agency 720 times is refused, not resolved 720 times.
            if (AgencyLookup.PartCount(item) is var listed && listed > MaxAgenciesPerTask)
            {
                error("agencies", $"Ô cơ quan liệt kê {listed} tên, vượt giới hạn {MaxAgenciesPerTask} cơ quan cho một nhiệm vụ.");
                continue;
            }
            var names = lookup.Segment(item);
            foreach (var (name, result) in names)
            {
                switch (result)
                {
                    case AgencyResolution.Found found:
                        resolved.AddRange(found.Agencies);
                        break;
                    case AgencyResolution.Unknown:
                        lookup.NoteUnknown(name, task);
                        var suggestions = lookup.Suggest(name);
                        error("agencies", suggestions.Count > 0
                            ? $"Không có cơ quan “{Shorten(name)}” trong danh bạ. Có phải: {string.Join("; ", suggestions)}?"
                            : $"Không có cơ quan “{Shorten(name)}” trong danh bạ; thêm vào danh bạ cơ quan rồi nhập lại.");
                        break;
                    case AgencyResolution.EmptyGroup group:
                        error("agencies", $"“{group.Group.Name}” là nhóm chưa có thành viên trong danh bạ: quản trị viên cần ghi rõ các cơ quan thuộc nhóm.");
                        break;
                }
            }
        }
        return resolved.Distinct().ToValueList();
    }

    /// <summary>The tasks imported without a fixed date, and how to give them one: imported, not reminded until then.</summary>
    private static IEnumerable<string> UndatedWarnings(Plan plan)
    {
        var undated = plan.Tasks.Where(t => t.Deadline.IsUndated).ToList();
        if (undated.Count == 0)
        {
            yield break;
        }
        var listed = string.Join("; ", undated.Take(20).Select(t => $"{t.Number} (“{t.Deadline.Phrase}”)")) + (undated.Count > 20 ? $" và {undated.Count - 20} nhiệm vụ khác" : "");
        yield return $"Nhiệm vụ chưa có thời hạn cụ thể: {listed}. Được nhập nhưng chưa nhắc hạn; khi có ngày, gán hạn ở trang kế hoạch "
            + $"hoặc bằng tdkt task set-due {plan.Id} SỐ_NHIỆM_VỤ yyyy-MM-dd, từ đó nhiệm vụ được nhắc như mọi nhiệm vụ khác.";
    }

    /// <summary>Which tasks took their deadline from their text rather than their time column, and which phrase: what the preview says.</summary>
    private static IEnumerable<string> PrecisionWarnings(List<(string Number, Deadline Column, Deadline Precise)> precised) =>
        precised.Take(20).Select(p => $"Nhiệm vụ {p.Number}: hạn là {VietnamTime.ShortDate(p.Precise.Due)} theo “{p.Precise.Phrase}” trong nội dung, "
            + $"cụ thể hơn “{p.Column.Phrase}” ở cột thời gian.")
            .Concat(precised.Count > 20 ? [$"… và {precised.Count - 20} nhiệm vụ khác lấy hạn theo ngày ghi trong nội dung."] : []);

    private static LocalDate Later(LocalDate a, LocalDate? b) => b is { } other && other > a ? other : a;
}
