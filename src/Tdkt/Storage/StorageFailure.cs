using Azure;

namespace Tdkt.Storage;

/// <summary>Telling "storage is down or overloaded, try again later" apart from a fault in the request or the code.</summary>
public static class StorageFailure
{
    /// <summary>
    /// True when storage could not be reached or answered with a transient error, after the SDK's own retries:
    /// a transport failure (the SDK gives an AggregateException of its attempts), a timeout, 408, 429 or 5xx.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsTransient),
        HttpRequestException or IOException or TimeoutException or System.Net.Sockets.SocketException => true,
        // The SDK's network timeout (not the caller's cancellation, which the caller checks first).
        TaskCanceledException => true,
        _ => false,
    };
}
