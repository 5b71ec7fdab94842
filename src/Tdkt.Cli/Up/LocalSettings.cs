using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tdkt.Cli.Up;

/// <summary>
/// functions/local.settings.json, the Functions tooling's own local settings file (never committed): <c>tdkt up</c>
/// reads its Values (Tdkt__… names) and keeps there the admin key and link-signing key it generates on first use.
/// </summary>
public sealed class LocalSettings(string path)
{
    public const string AdminKey = "Tdkt__LocalHost__AdminKey";
    public const string SigningKeys = "Tdkt__Links__SigningKeys";

    public string Path { get; } = path;

    /// <summary>The Values, as configuration keys (Tdkt:…); empty when the file does not exist.</summary>
    public Dictionary<string, string?> Read()
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(Path))
        {
            return values;
        }
        try
        {
            if (JsonNode.Parse(File.ReadAllText(Path))?["Values"] is JsonObject found)
            {
                foreach (var (name, value) in found)
                {
                    values[name.Replace("__", ":", StringComparison.Ordinal)] = value?.GetValue<string>();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidOperationException($"{Path}: không đọc được (JSON không hợp lệ: {ex.Message.Split('\n')[0]}).", ex);
        }
        return values;
    }

    /// <summary>Adds an admin key and a signing key where the file has none; returns the names it generated.</summary>
    public IReadOnlyList<string> EnsureKeys()
    {
        var root = File.Exists(Path) ? JsonNode.Parse(File.ReadAllText(Path)) as JsonObject ?? new JsonObject() : new JsonObject { ["IsEncrypted"] = false };
        var values = root["Values"] as JsonObject ?? (JsonObject)(root["Values"] = new JsonObject());
        var generated = new List<string>();
        if (string.IsNullOrEmpty(values[AdminKey]?.GetValue<string>()))
        {
            values[AdminKey] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            generated.Add(AdminKey);
        }
        if (string.IsNullOrEmpty(values[SigningKeys]?.GetValue<string>()))
        {
            values[SigningKeys] = "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)) + "=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            generated.Add(SigningKeys);
        }
        if (generated.Count > 0)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            File.WriteAllText(Path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
        return generated;
    }
}
