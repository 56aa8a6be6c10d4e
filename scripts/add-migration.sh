#!/usr/bin/env bash
# Adds a migration for both providers, SQLite (HelloWork.Domain, Data/Migrations/Sqlite) and PostgreSQL
# (HelloWork.Migrations.Postgres, Data/Migrations/Postgres), and writes both compiled models again. Usage: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh NAME}"
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project HelloWork.Domain --startup-project HelloWork.Domain \
  --context HelloWorkDb --output-dir Data/Migrations/Sqlite --namespace HelloWork.Domain.Data.Migrations.Sqlite
# The web app is the startup project here (it references the migrations assembly); the design-time factory in
# HelloWork.Domain/Data switches to PostgreSQL on "--provider Postgres". No server is needed.
dotnet ef migrations add "$name" --project HelloWork.Domain/Data/Migrations/Postgres \
  --startup-project HelloWork.Web --context HelloWorkDb --output-dir . \
  --namespace HelloWork.Domain.Data.Migrations.Postgres -- --provider Postgres
# Where no snapshot exists yet, dotnet ef files it under a folder named after its namespace: keep it beside the migrations.
for base in HelloWork.Domain/Data/Migrations/Postgres HelloWork.Domain; do
  for provider in Sqlite Postgres; do
    found="$base/HelloWork/Domain/Data/Migrations/$provider"
    if [ -d "$found" ]; then
      mv "$found"/*.cs "HelloWork.Domain/Data/Migrations/$provider/"
    fi
  done
  rm -rf "$base/HelloWork"
done

# The compiled models the portal starts on (HelloWork.Domain/Data/CompiledModels, one per provider; DatabaseSettings.Configure):
# written again from the model, which has just changed. CompiledModelTests fails while one of them is not the configuration's.
dotnet ef dbcontext optimize --project HelloWork.Domain --startup-project HelloWork.Domain --context HelloWorkDb \
  --output-dir Data/CompiledModels/Sqlite --namespace HelloWork.Domain.Data.CompiledModels.Sqlite
dotnet ef dbcontext optimize --project HelloWork.Domain --startup-project HelloWork.Domain --context HelloWorkDb \
  --output-dir Data/CompiledModels/Postgres --namespace HelloWork.Domain.Data.CompiledModels.Postgres -- --provider Postgres
# Each writes an assembly attribute that makes its model the default for every HelloWorkDb; with two, EF refuses both, and the
# tools and tests build the model from the configuration. The portal names its model in DatabaseSettings.Configure instead.
rm -f HelloWork.Domain/Data/CompiledModels/*/HelloWorkDbAssemblyAttributes.cs
