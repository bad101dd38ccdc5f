-- Crisis resources by country (ISO 3166-1 alpha-2; 'ZZ' is the fallback for any other country).
-- Operations keeps them current through the API; numbers must be checked before going live.
create table crisis_resource (
    country     text primary key,
    name        text not null,
    phone       text,
    text_line   text,
    url         text,
    updated_at  timestamptz not null
);
insert into crisis_resource (country, name, phone, text_line, url, updated_at) values
    ('US', '988 Suicide & Crisis Lifeline', '988', 'text 988', 'https://988lifeline.org', now()),
    ('CA', '9-8-8 Suicide Crisis Helpline', '988', 'text 988', 'https://988.ca', now()),
    ('GB', 'Samaritans', '116 123', null, 'https://www.samaritans.org', now()),
    ('IE', 'Samaritans', '116 123', null, 'https://www.samaritans.org', now()),
    ('AU', 'Lifeline', '13 11 14', null, 'https://www.lifeline.org.au', now()),
    ('BR', 'CVV – Centro de Valorização da Vida', '188', null, 'https://cvv.org.br', now()),
    ('DE', 'TelefonSeelsorge', '0800 111 0 111', null, 'https://www.telefonseelsorge.de', now()),
    ('FR', 'Numéro national de prévention du suicide', '3114', null, 'https://3114.fr', now()),
    ('ZZ', 'Find a Helpline', null, null, 'https://findahelpline.com', now());

-- Answer templates: a reply with variables, and the status and tags that go with it, per category
-- and language, applied by an agent in one action.
create table macro (
    id          bigint generated always as identity primary key,
    name        text not null,
    category    text,
    language    text not null,
    body        text not null,
    set_status  text check (set_status in ('open', 'pending', 'on_hold', 'solved')),
    add_tags    text[] not null default '{}',
    active      boolean not null default true,
    version     integer not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create unique index macro_name_key on macro (lower(name));

-- The default answers; the self-harm ones carry the crisis resources of the requester's country.
insert into macro (name, category, language, body, set_status, add_tags, version, created_at, updated_at) values
    ('Self-harm: reaching out with care (en)', 'self_harm', 'en', 'Hi,

Thank you for telling us. What you''re going through sounds really hard, and you don''t have to face it alone.

If you are in danger right now or thinking about ending your life, please reach out to people who can help straight away:
{{crisis.name}}: {{crisis.contact}}
{{crisis.url}}

If you can, tell someone you trust how you are feeling — a friend, a family member, or a doctor. Talking to a person can help more than it may seem right now.

We''ve looked at what you reported and we''re taking care of it. You can write back to us here at any time.

Take care,
{{agent.name}}', 'solved', '{self_harm,crisis_resources_sent}', 1, now(), now()),
    ('Self-harm: reaching out with care (pt)', 'self_harm', 'pt', 'Olá,

Obrigado por nos contar. O que você está passando parece muito difícil, e você não precisa enfrentar isso sozinho.

Se você estiver em perigo agora ou pensando em tirar a própria vida, procure ajuda imediatamente:
{{crisis.name}}: {{crisis.contact}}
{{crisis.url}}

Se puder, conte a alguém de confiança como você está se sentindo — um amigo, alguém da família ou um profissional de saúde.

Analisamos o que você relatou e estamos cuidando disso. Você pode nos escrever aqui a qualquer momento.

Com cuidado,
{{agent.name}}', 'solved', '{self_harm,crisis_resources_sent}', 1, now(), now()),
    ('Self-harm: reaching out with care (es)', 'self_harm', 'es', 'Hola:

Gracias por contárnoslo. Lo que estás viviendo suena muy difícil, y no tienes que enfrentarlo solo.

Si estás en peligro ahora o piensas en quitarte la vida, busca ayuda de inmediato:
{{crisis.name}}: {{crisis.contact}}
{{crisis.url}}

Si puedes, cuéntale a alguien de confianza cómo te sientes: un amigo, un familiar o un profesional de la salud.

Revisamos lo que nos reportaste y nos estamos ocupando. Puedes escribirnos aquí cuando quieras.

Con cariño,
{{agent.name}}', 'solved', '{self_harm,crisis_resources_sent}', 1, now(), now()),
    ('Report actioned (en)', null, 'en', 'Hi,

Thanks for your report about case {{case.id}}. We reviewed it against our {{category.name}} policy and took action. We don''t share the details of what happens to another person''s account, but your report made a difference.

{{agent.name}}', 'solved', '{report_actioned}', 1, now(), now()),
    ('No violation found (en)', null, 'en', 'Hi,

Thanks for your report about case {{case.id}}. We reviewed it carefully and it doesn''t break our rules, so we didn''t remove it. You can block the character or the person so you don''t see them again.

{{agent.name}}', 'solved', '{no_violation}', 1, now(), now()),
    ('Need more information (en)', null, 'en', 'Hi,

Thanks for getting in touch. To help you with case {{case.id}}, could you tell us a little more — for example, when it happened and what you saw on screen?

{{agent.name}}', 'pending', '{}', 1, now(), now());
