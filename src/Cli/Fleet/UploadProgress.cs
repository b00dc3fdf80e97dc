using System.Globalization;

namespace EdgeCloud.Cli.Fleet;

/// <summary>A read-only stream over a file that draws a textual progress bar as the upload reads it.</summary>
internal sealed class UploadProgress(Stream inner, string label, TextWriter writer) : Stream
{
    private const int BarWidth = 30;
    private readonly long _length = inner.Length;
    private long _read;
    private int _drawn = -1;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <summary>The bar for <paramref name="done"/> of <paramref name="total"/> bytes, e.g. <c>[###-------] 30% 1.2/4.0 MB</c>.</summary>
    public static string Bar(long done, long total)
    {
        var fraction = total == 0 ? 1.0 : (double)done / total;
        var filled = (int)Math.Round(fraction * BarWidth);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('-', BarWidth - filled)}] {(int)(fraction * 100),3}% {done / 1e6:0.0}/{total / 1e6:0.0} MB");
    }

    public override int Read(byte[] buffer, int offset, int count) => Advance(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Advance(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Advance(int read)
    {
        _read += read;
        var percent = _length == 0 ? 100 : (int)(_read * 100 / _length);
        if (percent != _drawn)
        {
            _drawn = percent;
            writer.Write($"\r{label} {Bar(_read, _length)}");
            if (_read >= _length)
            {
                writer.WriteLine();
            }
        }

        return read;
    }
}
