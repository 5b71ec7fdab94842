// Key Vault with RBAC for the link-signing keys; the app reads them as a Key Vault reference.
param name string
param location string
param tags object
param principalId string
@secure()
param linkSigningKeys string
@secure()
param consoleEntraClientSecret string = ''
@description('Whether consoleEntraClientSecret is given (told apart, so no output depends on the secret).')
param hasConsoleEntraSecret bool = false

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
  }
}

resource keys 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'link-signing-keys'
  properties: {
    value: linkSigningKeys
    contentType: 'id=base64key;… newest first'
  }
}

// The console's Entra app registration secret, when there is one (App Service Authentication reads it by reference).
resource consoleSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (hasConsoleEntraSecret) {
  parent: vault
  name: 'console-entra-secret'
  properties: {
    value: consoleEntraClientSecret
  }
}

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

// Versionless: a rotated secret is picked up without a redeploy.
output linkSigningKeysSecretUri string = '${vault.properties.vaultUri}secrets/${keys.name}'
output consoleEntraSecretUri string = hasConsoleEntraSecret ? '${vault.properties.vaultUri}secrets/console-entra-secret' : ''
