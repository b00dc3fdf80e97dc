using System.Data;
using EdgeCloud.EdgeAgent.Outbox;
using EdgeCloud.EdgeAgent.Storage;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Jobs;

/// <summary>Deferred cloud jobs in the agent database: accepted durably, run when the link returns, kept for <see cref="DeferredJobOptions.ResultTtl"/>.</summary>
internal sealed class DeferredJobStore(EdgeDatabase database, IOptions<DeferredJobOptions> options, TimeProvider timeProvider)
{
    private readonly DeferredJobOptions _options = options.Value;

    /// <summary>Signalled when a job is accepted, so the runner wakes.</summary>
    public WorkSignal Accepted { get; } = new();

    public DeferredJobOptions Options => _options;

    /// <summary>Stores <paramref name="request"/> as a pending job (on disk when this returns) and returns its id.</summary>
    /// <exception cref="InferenceException">RESOURCE_EXHAUSTED when <see cref="DeferredJobOptions.MaxPending"/> jobs already wait.</exception>
    public async ValueTask<string> EnqueueAsync(ModelInferRequest request, CancellationToken cancellationToken)
    {
        var id = EventIdentifiers.NewId(timeProvider);
        using (var transaction = await database.BeginWriteAsync(WriteDurability.Acknowledged, cancellationToken).ConfigureAwait(false))
        {
            var pending = (long)transaction.Command(DeferredJobSql.CountPending).ExecuteScalar()!;
            if (pending >= _options.MaxPending)
            {
                throw new InferenceException(InferenceErrorCode.ResourceExhausted,
                    $"{pending} deferred jobs already wait for the cloud link (Agent:Jobs:MaxPending = {_options.MaxPending}); try again when the link is back");
            }

            transaction.Command(DeferredJobSql.Insert)
                .Set("$id", id)
                .Set("$model", request.ModelName)
                .Set("$request", request.ToByteArray())
                .Set("$now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds())
                .ExecuteNonQuery();
            transaction.Commit();
        }

        Accepted.Set();
        return id;
    }

    /// <summary>The oldest pending job, or null.</summary>
    public (string Id, ModelInferRequest Request)? NextPending()
    {
        using var lease = database.RentReader();
        using var reader = lease.Command(DeferredJobSql.NextPending).ExecuteReader(CommandBehavior.SingleRow);
        return reader.Read() ? (reader.GetString(0), ModelInferRequest.Parser.ParseFrom(reader.GetFieldValue<byte[]>(1))) : null;
    }

    public ValueTask CompleteAsync(string id, ModelInferResponse response, CancellationToken cancellationToken) =>
        FinishAsync(id, DeferredJobStates.Succeeded, response.ToByteArray(), null, cancellationToken);

    public ValueTask FailAsync(string id, string error, CancellationToken cancellationToken) =>
        FinishAsync(id, DeferredJobStates.Failed, null, error, cancellationToken);

    /// <summary>The job, or null when it is unknown or its result expired.</summary>
    public DeferredJob? Find(string id)
    {
        using var lease = database.RentReader();
        using var reader = lease.Command(DeferredJobSql.Get)
            .Set("$id", id)
            .Set("$now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds())
            .ExecuteReader(CommandBehavior.SingleRow);
        if (!reader.Read())
        {
            return null;
        }

        return new DeferredJob(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
            reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
            reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
            reader.IsDBNull(6) ? null : reader.GetFieldValue<byte[]>(6),
            reader.IsDBNull(7) ? null : reader.GetString(7));
    }

    /// <summary>Deletes finished jobs whose results have expired; returns how many.</summary>
    public async ValueTask<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        using var transaction = await database.BeginWriteAsync(WriteDurability.Relaxed, cancellationToken).ConfigureAwait(false);
        var purged = transaction.Command(DeferredJobSql.PurgeExpired).Set("$now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds()).ExecuteNonQuery();
        transaction.Commit();
        return purged;
    }

    private async ValueTask FinishAsync(string id, string state, byte[]? response, string? error, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        using var transaction = await database.BeginWriteAsync(WriteDurability.Acknowledged, cancellationToken).ConfigureAwait(false);
        transaction.Command(DeferredJobSql.Finish)
            .Set("$id", id)
            .Set("$state", state)
            .Set("$now", now.ToUnixTimeMilliseconds())
            .Set("$expires", now.Add(_options.ResultTtl).ToUnixTimeMilliseconds())
            .Set("$response", (object?)response ?? DBNull.Value)
            .Set("$error", (object?)error ?? DBNull.Value)
            .ExecuteNonQuery();
        transaction.Commit();
    }
}
