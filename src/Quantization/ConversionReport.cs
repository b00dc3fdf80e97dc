namespace EdgeCloud.Quantization;

/// <summary>What a conversion changed: how many nodes per operator, and notes on what it left alone and why.</summary>
public sealed class ConversionReport
{
    private readonly Dictionary<string, int> _converted = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];

    public IReadOnlyDictionary<string, int> Converted => _converted;

    public IReadOnlyList<string> Notes => _notes;

    public int Total => _converted.Values.Sum();

    internal void Count(string opType) => _converted[opType] = _converted.GetValueOrDefault(opType) + 1;

    internal void Note(string note) => _notes.Add(note);

    public override string ToString() =>
        Total == 0 ? "nothing converted" : string.Join(", ", _converted.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"));
}
