using Tdkt.Input;

namespace Tdkt.Agencies;

/// <summary>Every agency a deployment knows, looked up by id, official name or alias (case, tone-placement and diacritic tolerant).</summary>
public sealed class AgencyDirectory
{
    private readonly Dictionary<AgencyId, Agency> byId;
    private readonly Dictionary<string, Agency> byName;

    public AgencyDirectory(IEnumerable<Agency> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        Agencies = agencies.ToValueList();
        byId = Agencies.ToDictionary(a => a.Id);
        byName = new Dictionary<string, Agency>(StringComparer.Ordinal);
        foreach (var agency in Agencies)
        {
            foreach (var name in agency.Names)
            {
                byName.TryAdd(Key(name), agency);
            }
        }
    }

    public static AgencyDirectory Empty { get; } = new([]);

    public ValueList<Agency> Agencies { get; }

    public Agency? Find(AgencyId id) => byId.GetValueOrDefault(id);

    public Agency? FindByName(string name) => byName.GetValueOrDefault(Key(name));

    /// <summary>
    /// The agency that holds <paramref name="id"/>'s tasks on <paramref name="on"/>: itself, or its successor (and the
    /// successor's, when that was replaced too) from the day each took over.
    /// </summary>
    public AgencyId SuccessorOn(AgencyId id, NodaTime.LocalDate on)
    {
        var current = id;
        // The directory refuses cycles; the bound keeps a hand-made one from looping.
        for (var step = 0; step < byId.Count && Find(current) is { ReplacedBy: { } next, ReplacedFrom: { } from } && from <= on; step++)
        {
            current = next;
        }
        return current;
    }

    /// <summary>Resolves a name or id as written in a plan; a group expands to its members.</summary>
    public AgencyResolution Resolve(string nameOrId) => Resolve(nameOrId, suggest: true);

    /// <summary>The same; without <paramref name="suggest"/> an unknown name gets no "did you mean" (they cost a distance per directory name).</summary>
    public AgencyResolution Resolve(string nameOrId, bool suggest)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        var agency = FindByName(nameOrId) ?? (AgencyId.IsValid(nameOrId) ? Find(new AgencyId(nameOrId)) : null);
        if (agency is null)
        {
            return new AgencyResolution.Unknown(suggest ? Suggest(nameOrId) : Array.Empty<string>().ToValueList());
        }
        if (!agency.IsGroup)
        {
            return new AgencyResolution.Found(new[] { agency.Id }.ToValueList());
        }
        return agency.Members.Count == 0
            ? new AgencyResolution.EmptyGroup(agency)
            : new AgencyResolution.Found(agency.Members);
    }

    /// <summary>Up to three directory names closest to what was written, for "did you mean" messages.</summary>
    public ValueList<string> Suggest(string written)
    {
        var key = Key(written);
        if (key.Length > MaxSuggestedLength)
        {
            // Far longer than any agency's name (a whole list, say): nothing is close, and the distance costs length².
            return Array.Empty<string>().ToValueList();
        }
        return Agencies
            .SelectMany(a => a.Names.Select(n => (Agency: a, Name: n, Distance: Levenshtein(key, Key(n)))))
            .Where(c => c.Distance <= Math.Max(3, key.Length / 3))
            .OrderBy(c => c.Distance)
            .Select(c => c.Agency.Name)
            .Distinct()
            .Take(3)
            .ToValueList();
    }

    /// <summary>Written text longer than this gets no suggestions.</summary>
    public const int MaxSuggestedLength = 160;

    private static string Key(string name) => VietnameseText.Fold(name).TrimEnd('.', ';', ',', ' ');

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
