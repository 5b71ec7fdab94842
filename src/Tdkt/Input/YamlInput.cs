using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tdkt.Input;

/// <summary>Reads YAML by hand through the representation model, so every error can name its line.</summary>
public sealed class YamlInput(string file, List<InputError> errors)
{
    /// <summary>
    /// The deepest nesting of lists and maps a file may have. Plans and directories need four or five levels; the
    /// representation model builds nodes recursively, so a file nested 200,000 levels deep would overflow the stack
    /// and take the whole process down. The depth is checked on the parser's events, before any node is built.
    /// </summary>
    public const int MaxDepth = 64;

    public YamlMappingNode? LoadRoot(string text)
    {
        var stream = new YamlStream();
        try
        {
            if (TooDeepAt(text) is { } line)
            {
                errors.Add(new InputError(file, line, "yaml", $"YAML lồng quá sâu (quá {MaxDepth} cấp danh sách hoặc bảng): tệp kế hoạch hay danh bạ không cần như vậy."));
                return null;
            }
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            errors.Add(new InputError(file, (int)ex.Start.Line, "yaml", $"YAML không hợp lệ: {ex.Message}"));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new InputError(file, 1, "yaml", "Tệp YAML phải là một bảng khóa: giá trị ở cấp ngoài cùng."));
            return null;
        }
        return root;
    }

    public static int Line(YamlNode node) => (int)node.Start.Line;

    /// <summary>The line where nesting first goes deeper than <see cref="MaxDepth"/>, or null (the parser itself keeps its state on the heap).</summary>
    private static int? TooDeepAt(string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart when ++depth > MaxDepth:
                    return (int)parser.Current.Start.Line;
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    depth--;
                    break;
            }
        }
        return null;
    }

    public string? Text(YamlMappingNode map, string key, string path = "")
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }
        Error(node, path + key, "phải là một giá trị đơn, không phải danh sách hay bảng.");
        return null;
    }

    public int? Number(YamlMappingNode map, string key, string path = "")
    {
        var text = Text(map, key, path);
        if (text is null || text.Length == 0)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        Error(map.Children[new YamlScalarNode(key)], path + key, $"“{text}” không phải là số nguyên.");
        return null;
    }

    public bool Bool(YamlMappingNode map, string key, string path = "")
    {
        var text = Text(map, key, path);
        if (text is null || text.Length == 0)
        {
            return false;
        }
        if (bool.TryParse(text, out var value))
        {
            return value;
        }
        Error(map.Children[new YamlScalarNode(key)], path + key, $"“{text}” phải là true hoặc false.");
        return false;
    }

    public IReadOnlyList<string> Texts(YamlMappingNode map, string key, string path = "")
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return [];
        }
        switch (node)
        {
            case YamlSequenceNode sequence:
                var values = new List<string>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { } value })
                    {
                        values.Add(value);
                    }
                    else
                    {
                        Error(item, path + key, "mỗi phần tử phải là một giá trị đơn.");
                    }
                }
                return values;
            case YamlScalarNode { Value: { Length: > 0 } single }:
                return [single];
            case YamlScalarNode:
                return [];
            default:
                Error(node, path + key, "phải là một danh sách.");
                return [];
        }
    }

    public IReadOnlyList<YamlMappingNode> Items(YamlMappingNode map, string key, string path = "")
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, path + key, "phải là một danh sách.");
            return [];
        }
        var items = new List<YamlMappingNode>();
        foreach (var item in sequence)
        {
            if (item is YamlMappingNode mapping)
            {
                items.Add(mapping);
            }
            else
            {
                Error(item, path + key, "mỗi phần tử phải là một bảng khóa: giá trị.");
            }
        }
        return items;
    }

    public void Error(YamlNode node, string field, string message) =>
        errors.Add(new InputError(file, Line(node), field, message));
}
