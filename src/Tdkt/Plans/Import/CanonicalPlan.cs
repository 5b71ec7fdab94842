using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime.Text;
using Tdkt.Input;
using YamlDotNet.RepresentationModel;

namespace Tdkt.Plans.Import;

/// <summary>
/// The canonical plan file, YAML or JSON with the same fields (docs/plan-format.md). Export then import
/// gives an equal plan: the deadline phrase is the truth, and <c>due</c> is written for readers and checked on import.
/// </summary>
public static class CanonicalPlan
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToYaml(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var tasks = new YamlSequenceNode();
        foreach (var (task, occurrences) in TaskSeries.Written(plan.Tasks))
        {
            var node = new YamlMappingNode
            {
                { "key", new YamlScalarNode(task.Key) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted } },
                { "number", new YamlScalarNode(task.Number) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted } },
                { "quarter", task.Quarter.ToString(CultureInfo.InvariantCulture) },
                { "deadline", task.Deadline.Phrase },
                { "due", task.Deadline.IsOngoing ? new YamlScalarNode("null") : new YamlScalarNode(LocalDatePattern.Iso.Format(task.Deadline.Due)) },
                { "content", task.Content },
                { "lead", new YamlSequenceNode(task.LeadAgencies.Select(a => new YamlScalarNode(a.Value))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow } },
                { "agencies", new YamlSequenceNode(task.Agencies.Select(a => new YamlScalarNode(a.Value))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow } },
            };
            if (task.Series is not null)
            {
                node.Add("occurrences", new YamlSequenceNode(occurrences.Select(i => new YamlScalarNode(LocalDatePattern.Iso.Format(plan.Tasks[i].Deadline.Due))))
                    { Style = YamlDotNet.Core.Events.SequenceStyle.Flow });
            }
            tasks.Add(node);
        }
        return Yaml.Write(new YamlMappingNode
        {
            { "id", plan.Id.Value },
            { "number", plan.Number },
            { "title", plan.Title },
            { "issuer", plan.Issuer },
            { "issuedOn", LocalDatePattern.Iso.Format(plan.IssuedOn) },
            { "year", plan.Year.ToString(CultureInfo.InvariantCulture) },
            { "status", plan.Status.ToString().ToLowerInvariant() },
            { "tasks", tasks },
        });
    }

    public static string ToJson(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var json = new JsonObject
        {
            ["id"] = plan.Id.Value,
            ["number"] = plan.Number,
            ["title"] = plan.Title,
            ["issuer"] = plan.Issuer,
            ["issuedOn"] = LocalDatePattern.Iso.Format(plan.IssuedOn),
            ["year"] = plan.Year,
            ["status"] = plan.Status.ToString().ToLowerInvariant(),
            ["tasks"] = new JsonArray([.. TaskSeries.Written(plan.Tasks).Select(w => (JsonNode)TaskJson(plan, w.Written, w.Occurrences))]),
        };
        return json.ToJsonString(Indented) + "\n";
    }

    /// <summary>A task as written; a recurring duty once, with its due dates in order as <c>occurrences</c> (<c>due</c> is the first).</summary>
    private static JsonObject TaskJson(Plan plan, PlanTask t, IReadOnlyList<int> occurrences)
    {
        var json = new JsonObject
            {
                ["key"] = t.Key,
                ["number"] = t.Number,
                ["quarter"] = t.Quarter,
                ["deadline"] = t.Deadline.Phrase,
                ["due"] = t.Deadline.IsOngoing ? null : LocalDatePattern.Iso.Format(t.Deadline.Due),
                ["content"] = t.Content,
                ["lead"] = new JsonArray([.. t.LeadAgencies.Select(a => (JsonNode)JsonValue.Create(a.Value))]),
                ["agencies"] = new JsonArray([.. t.Agencies.Select(a => (JsonNode)JsonValue.Create(a.Value))]),
            };
        if (t.Series is not null)
        {
            json["occurrences"] = new JsonArray([.. occurrences.Select(i => (JsonNode)JsonValue.Create(LocalDatePattern.Iso.Format(plan.Tasks[i].Deadline.Due)))]);
        }
        return json;
    }

    private static IReadOnlyList<string>? Stated(IReadOnlyList<string> dates) => dates.Count == 0 ? null : dates;

    /// <summary>A task's <c>lead</c> agencies come first among its agencies (listed in both or only in <c>lead</c>).</summary>
    private static RawTask WithLead(RawTask task, IReadOnlyList<string> lead)
    {
        if (lead.Count == 0)
        {
            return task;
        }
        var leads = lead.Distinct(StringComparer.Ordinal).ToList();
        return task with { Agencies = [.. leads, .. task.Agencies.Where(a => !leads.Contains(a, StringComparer.Ordinal))], Leads = leads.Count };
    }

    public static RawPlan? FromYaml(string text, string file, List<InputError> errors)
    {
        var yaml = new YamlInput(file, errors);
        var root = yaml.LoadRoot(text);
        if (root is null)
        {
            return null;
        }
        var tasks = yaml.Items(root, "tasks").Select(node => WithLead(new RawTask(
            YamlInput.Line(node), "", yaml.Text(node, "number"), yaml.Number(node, "quarter"), yaml.Text(node, "content"),
            yaml.Text(node, "deadline"), yaml.Text(node, "due"), yaml.Texts(node, "agencies"), yaml.Text(node, "key")) { Occurrences = Stated(yaml.Texts(node, "occurrences")) },
            yaml.Texts(node, "lead"))).ToList();
        return new RawPlan(yaml.Text(root, "id"), yaml.Text(root, "number"), yaml.Text(root, "title"), yaml.Text(root, "issuer"),
            yaml.Text(root, "issuedOn"), yaml.Number(root, "year"), yaml.Text(root, "status"), tasks, 1);
    }

    public static RawPlan? FromJson(string text, string file, List<InputError> errors)
    {
        if (JsonRoot(text, file, errors) is not { } plan)
        {
            return null;
        }
        var fields = new JsonFields(file, errors);
        return new RawPlan(fields.Text(plan, "id", ""), fields.Text(plan, "number", ""), fields.Text(plan, "title", ""), fields.Text(plan, "issuer", ""),
            fields.Text(plan, "issuedOn", ""), fields.Int(plan, "year", ""), fields.Text(plan, "status", ""), JsonTasks(plan, fields, file, errors), null);
    }

    /// <summary>The plan's object, or null with the error: too many tasks (counted before the tree is built), not JSON, not an object.</summary>
    private static JsonObject? JsonRoot(string text, string file, List<InputError> errors)
    {
        JsonNode? root;
        try
        {
            // Counted before the tree is built: four megabytes of "{}" tasks would build a tree of gigabytes.
            if (TopLevelTasks(text) is { } count and > PlanBuilder.MaxTasks)
            {
                errors.Add(new InputError(file, null, "tasks", $"Kế hoạch có {count} nhiệm vụ, vượt giới hạn {PlanBuilder.MaxTasks}."));
                return null;
            }
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            errors.Add(new InputError(file, (int)(ex.LineNumber ?? 0) + 1, "json", $"JSON không hợp lệ: {ex.Message}"));
            return null;
        }
        if (root is not JsonObject plan)
        {
            errors.Add(new InputError(file, 1, "json", "Tệp JSON phải là một đối tượng { … }."));
            return null;
        }
        return plan;
    }

    /// <summary>The plan's "tasks" array, each task read with its path ("tasks[3].") for the errors.</summary>
    private static List<RawTask> JsonTasks(JsonObject plan, JsonFields fields, string file, List<InputError> errors)
    {
        var tasks = new List<RawTask>();
        if (plan["tasks"] is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var path = $"tasks[{i}].";
                if (array[i] is not JsonObject task)
                {
                    errors.Add(new InputError(file, null, path.TrimEnd('.'), "Mỗi nhiệm vụ phải là một đối tượng { … }."));
                    continue;
                }
                tasks.Add(WithLead(new RawTask(null, path, fields.Text(task, "number", path), fields.Int(task, "quarter", path), fields.Text(task, "content", path),
                    fields.Text(task, "deadline", path), fields.Text(task, "due", path),
                    task["agencies"] is JsonArray agencies ? [.. agencies.Select(a => a?.ToString() ?? "")] : [], fields.Text(task, "key", path))
                    {
                        Occurrences = task["occurrences"] is JsonArray dates ? [.. dates.Select(d => d?.ToString() ?? "")] : null,
                    },
                    task["lead"] is JsonArray lead ? [.. lead.Select(a => a?.ToString() ?? "")] : []));
            }
        }
        else if (plan["tasks"] is not null)
        {
            errors.Add(new InputError(file, null, "tasks", "“tasks” phải là một mảng."));
        }
        return tasks;
    }

    private static int? TopLevelTasks(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json),
            new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        int? count = null;
        var inTasks = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                inTasks = reader.ValueTextEquals("tasks");
            }
            else if (inTasks && reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.StartArray)
            {
                count = 0;
            }
            else if (inTasks && count is not null && reader.CurrentDepth == 2 && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
            {
                count++;
            }
            else if (inTasks && reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.EndArray)
            {
                return count;
            }
        }
        return count;
    }

    /// <summary>A JSON plan's fields read as text or whole numbers; a value of another kind is an error naming its path.</summary>
    private sealed class JsonFields(string file, List<InputError> errors)
    {
        public string? Text(JsonObject o, string key, string path) => o[key] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number => v.ToString(),
            _ => Fail<string>(path + key, "phải là một chuỗi."),
        };

        public int? Int(JsonObject o, string key, string path) => o[key] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<int>(out var n) => n,
            JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => Fail<int?>(path + key, "phải là một số nguyên."),
        };

        private T? Fail<T>(string field, string message)
        {
            errors.Add(new InputError(file, null, field, message));
            return default;
        }
    }
}
