/// <summary>A system fitted on a split's training rows and scored on its test rows, in this process.</summary>
public interface IPeer
{
    /// <summary>One line saying what the peer is and how it is set.</summary>
    string Description { get; }
    PeerResult Run(PeerSplit split);
}
