namespace Stance.Core.Output;

public enum OutputFormat { Table, Csv, Jsonl }
