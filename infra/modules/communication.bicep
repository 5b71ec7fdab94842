// Azure Communication Services Email: an Email Communication Service with an Azure-managed domain (or a
// custom one, linked once its DNS records are verified), and the Communication Services resource the app
// sends through with its managed identity.
param emailServiceName string
param communicationServiceName string
param tags object
param customDomain string
param linkCustomDomain bool
param principalId string

@description('Where the mail data is kept.')
param dataLocation string = 'Asia Pacific'

// Lets the identity send mail through this resource (Entra ID authentication of the Email REST API).
var communicationAndEmailServiceOwner = '09976791-48a7-449e-bb21-39d1a415f350'
var useCustomDomain = !empty(customDomain)

resource email 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource managedDomain 'Microsoft.Communication/emailServices/domains@2023-04-01' = if (!useCustomDomain) {
  parent: email
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource ownDomain 'Microsoft.Communication/emailServices/domains@2023-04-01' = if (useCustomDomain) {
  parent: email
  name: useCustomDomain ? customDomain : 'unused'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'CustomerManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communication 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: useCustomDomain ? (linkCustomDomain ? [ownDomain.id] : []) : [managedDomain.id]
  }
}

resource sender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communication.id, principalId, communicationAndEmailServiceOwner)
  scope: communication
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', communicationAndEmailServiceOwner)
  }
}

output endpoint string = 'https://${communication.properties.hostName}'
output mailFrom string = 'DoNotReply@${useCustomDomain ? customDomain : managedDomain!.properties.mailFromSenderDomain}'
