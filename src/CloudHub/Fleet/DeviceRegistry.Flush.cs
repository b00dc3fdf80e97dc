using System.Text.Json;
using EdgeCloud.Shared.Fleet;
using Microsoft.Data.Sqlite;

namespace EdgeCloud.CloudHub.Fleet;

internal sealed partial class DeviceRegistry
{
    /// <summary>Rows per transaction: what a desired-state change may wait for behind a flush.</summary>
    private const int FlushChunk = 256;

    /// <summary>
    /// Writes every changed device. Rows are serialized before the database lock is taken and written in transactions of
    /// <see cref="FlushChunk"/>, yielding between them, so an admin write (a group's new desired version) waits for one
    /// chunk at most rather than for a whole fan-out's reports. What is not written (an error, a cancellation) stays dirty.
    /// </summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        if (_dirty.IsEmpty)
        {
            return 0;
        }

        var rows = new List<DeviceRow>();
        foreach (var id in _dirty.Keys)
        {
            _dirty.TryRemove(id, out _);
            if (_devices.TryGetValue(id, out var device))
            {
                rows.Add(DeviceRow.From(device));
            }
        }

        for (var offset = 0; offset < rows.Count; offset += FlushChunk)
        {
            var chunk = rows.GetRange(offset, Math.Min(FlushChunk, rows.Count - offset));
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                _database.Write((c, t) => WriteRows(c, t, chunk));
            }
            catch
            {
                foreach (var row in rows.Skip(offset))
                {
                    _dirty[row.Id] = 0; // written next time
                }

                throw;
            }

            await Task.Yield();
        }

        return rows.Count;
    }

    private static void WriteRows(SqliteConnection connection, SqliteTransaction transaction, List<DeviceRow> rows)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE devices SET online = $online, last_seen = $seen, bd_seq = $bd, reported = $reported, telemetry = $telemetry WHERE id = $id";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var online = command.Parameters.Add("$online", SqliteType.Integer);
        var seen = command.Parameters.Add("$seen", SqliteType.Integer);
        var bd = command.Parameters.Add("$bd", SqliteType.Integer);
        var reported = command.Parameters.Add("$reported", SqliteType.Text);
        var telemetry = command.Parameters.Add("$telemetry", SqliteType.Text);
        command.Prepare();
        foreach (var row in rows)
        {
            id.Value = row.Id;
            online.Value = row.Online ? 1 : 0;
            seen.Value = row.LastSeen;
            bd.Value = row.BdSeq;
            reported.Value = (object?)row.Reported ?? DBNull.Value;
            telemetry.Value = (object?)row.Telemetry ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>A device as its <c>devices</c> row stores it, JSON already serialized.</summary>
    private sealed record DeviceRow(string Id, bool Online, long LastSeen, long BdSeq, string? Reported, string? Telemetry)
    {
        public static DeviceRow From(DeviceRecord device) => new(
            device.Id,
            device.Online,
            device.LastSeen,
            device.BdSeq,
            device.Reported is null ? null : JsonSerializer.Serialize(device.Reported, FleetJsonContext.Default.ReportedState),
            device.Telemetry is null ? null : JsonSerializer.Serialize(device.Telemetry, FleetJsonContext.Default.TelemetryMessage));
    }
}
