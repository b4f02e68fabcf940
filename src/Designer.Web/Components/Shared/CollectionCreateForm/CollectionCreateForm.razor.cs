using Designer.Inference.Registry;
using Designer.Retrieval;
using Designer.Retrieval.Collections;
using Designer.Retrieval.Embeddings;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace Designer.Web.Components.Shared;

/// <summary>
/// Creates a collection (authors and admins; the service checks every field and reports every problem): name,
/// description, embedding model — the approved embedding models in the registry, the configured default first — and
/// chunking. The same service call as <c>POST /api/collections</c>.
/// </summary>
public sealed partial class CollectionCreateForm
{
    private string? _name;
    private string? _description;
    private string? _model;
    private int _chunkSize;
    private int _chunkOverlap;
    private double? _denseWeight;
    private bool _busy;
    private List<string> _problems = [];
    private List<(string Id, string Label)> _models = [];

    /// <summary>Raised with the new collection's name after it was created.</summary>
    [Parameter]
    public EventCallback<string> Created { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private CollectionService Collections { get; set; } = default!;

    [Inject]
    private IModelRegistry Registry { get; set; } = default!;

    [Inject]
    private IEmbeddingModelCatalog Catalog { get; set; } = default!;

    [Inject]
    private IOptions<RetrievalOptions> Options { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _chunkSize = Options.Value.DefaultChunkSize;
        _chunkOverlap = Options.Value.DefaultChunkOverlap;
        _models = await EmbeddingModelChoices.ListAsync(Registry, Catalog.DefaultModel, CancellationToken.None);
        _model = Catalog.DefaultModel;
    }

    private async Task CreateAsync()
    {
        _busy = true;
        _problems = [];
        try
        {
            var user = (await AuthenticationState).User;
            var result = await Collections.CreateAsync(
                new CreateCollection(_name ?? string.Empty, string.IsNullOrWhiteSpace(_description) ? null : _description, _model, null, null, _chunkSize, _chunkOverlap, _denseWeight),
                user.ToActor(),
                CancellationToken.None);
            if (result.IsSuccess)
            {
                var name = result.Value!.Name;
                _name = null;
                _description = null;
                await Created.InvokeAsync(name);
            }
            else
            {
                _problems = ProblemLines.Of(result.Error!);
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
