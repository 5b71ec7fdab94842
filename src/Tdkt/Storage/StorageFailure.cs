using Azure;

namespace Tdkt.Storage;

/// <summary>
/// The one classifier of storage failures, applied once in each host's pipeline: "storage is down or overloaded,
/// try again later" apart from "storage refused this request" (a conflict, a failed ETag condition, a bad key)
/// and from a fault in the code.
/// </summary>
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
        OperationCanceledException => true,
        _ => false,
    };

    /// <summary>Storage refused the request itself (say 409 or 412): trying again as it is will not help.</summary>
    public static bool IsRefusal(Exception exception) => exception is RequestFailedException && !IsTransient(exception);

    /// <summary>Either: the failure came from storage, not from the product's own code.</summary>
    public static bool IsStorage(Exception exception) => IsTransient(exception) || IsRefusal(exception);

    /// <summary>What an administrator reads about it, in one line (what to set or do is the host's to add).</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var first = exception.Message.Split('\n')[0];
        return exception is RequestFailedException { } failed && IsRefusal(exception)
            ? $"kho dữ liệu từ chối yêu cầu ({failed.Status} {failed.ErrorCode}): {first}"
            : $"không truy cập được kho dữ liệu: {first}";
    }
}
