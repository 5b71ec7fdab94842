using Azure;

namespace Tdkt.Storage;

/// <summary>A write made with the ETag a row was read at, which loses to a change made meanwhile (the caller looks at the row again later).</summary>
public static class ConditionalWrite
{
    /// <summary>true when written; false when the row changed (412) or went (404) meanwhile.</summary>
    public static async Task<bool> TryAsync(Func<Task<Response>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            await write();
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }
}
