#!/usr/bin/env bash
# Regenerates the tool's compiled EF Core model of the SQLite store after a change to the catalog mapping
# (ApplyModelCatalog, CatalogModel, ModelHistoryRecord). CompiledModelTests fails until this has been run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cd "$root"
dotnet tool restore
# ModelCatalogDesignTime brings EF Core's design package (and Roslyn) into this one build only; the tool never ships it.
ModelCatalogDesignTime=true dotnet ef dbcontext optimize \
  --project src/ModelCatalog.Cli --startup-project src/ModelCatalog.Cli \
  --context ModelCatalogDbContext --configuration Release \
  --output-dir Store/CompiledModel --namespace ModelCatalog.Cli.Store.CompiledModel
# The tool passes the model explicitly (UseModel, SQLite only); the assembly attribute would offer it for every provider.
rm -f src/ModelCatalog.Cli/Store/CompiledModel/ModelCatalogDbContextAssemblyAttributes.cs
