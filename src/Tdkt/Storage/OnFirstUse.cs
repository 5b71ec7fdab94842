namespace Tdkt.Storage;

/// <summary>
/// Something created once, on first use, and then shared (a table or queue made to exist). A creation that fails
/// (storage unreachable at that moment) is forgotten, so the next use tries again rather than failing for the
/// life of the process; and it does not run on one caller's cancellation token, so one abandoned request cannot
/// cancel it for everyone.
/// </summary>
public sealed class OnFirstUse<T>(Func<CancellationToken, Task<T>> create)
{
    private readonly Lock gate = new();
    private Task<T>? creating;

    public async Task<T> GetAsync(CancellationToken cancellationToken)
    {
        Task<T> task;
        lock (gate)
        {
            task = creating ??= create(CancellationToken.None);
        }
        try
        {
            return await task.WaitAsync(cancellationToken);
        }
        catch when (task.IsFaulted || task.IsCanceled)
        {
            lock (gate)
            {
                if (ReferenceEquals(creating, task))
                {
                    creating = null;
                }
            }
            throw;
        }
    }
}
