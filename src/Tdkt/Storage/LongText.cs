using Azure.Data.Tables;

namespace Tdkt.Storage;

/// <summary>
/// Text longer than a Table Storage string property allows (64 KiB, i.e. 32K UTF-16 characters) is split
/// over numbered columns: Name, Name1, Name2, … An entity holds at most 1 MiB, which bounds the total.
/// </summary>
public static class LongText
{
    public const int ChunkChars = 30_000;
    public const int MaxChunks = 15;

    public static void Write(TableEntity entity, string name, string text)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(text);
        var chunks = text.Chunk(ChunkChars).Select(c => new string(c)).DefaultIfEmpty("").ToList();
        if (chunks.Count > MaxChunks)
        {
            throw new InvalidOperationException($"{name} is {text.Length} characters; a table row holds at most {ChunkChars * MaxChunks}.");
        }
        for (var i = 0; i < chunks.Count; i++)
        {
            entity[i == 0 ? name : name + i] = chunks[i];
        }
    }

    public static string Read(TableEntity entity, string name)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var text = new System.Text.StringBuilder(entity.GetString(name) ?? "");
        for (var i = 1; entity.GetString(name + i) is { } more; i++)
        {
            text.Append(more);
        }
        return text.ToString();
    }
}
