using YamlDotNet.RepresentationModel;

namespace Tdkt.Input;

public static class Yaml
{
    /// <summary>Writes a YAML document with Unicode text as is (no escapes), for files people read and edit.</summary>
    public static string Write(YamlNode root)
    {
        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // YamlStream ends each document with an explicit "..." marker; a single-document file reads better without it.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }
}
